import { AsyncLocalStorage } from 'node:async_hooks';
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { originOf } from './origin';

const team = new AsyncLocalStorage<string>();

/** The workspace whose request is being handled here, for the logger; undefined outside a request. */
export const currentTeam = (): string | undefined => team.getStore();

/**
 * Runs the rest of the request (middleware, listeners, Bolt's own lines) with its workspace known, so
 * that with many workspaces every log line says which one it is about.
 */
export const teamLogContext: Middleware<AnyMiddlewareArgs> = async ({ body, next }) => {
  const id = originOf(body).team;
  return id ? team.run(id, next) : next();
};
