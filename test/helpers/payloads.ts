import { readFileSync } from 'node:fs';
import path from 'node:path';
import { FIXTURES } from './paths';
import { BOT_USER_ID } from './fake-slack';

const dir = path.join(FIXTURES, 'slack-payloads');
const json = (file: string) => JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let counter = 0;
const nextId = () => `Ev${Date.now().toString(36)}${(++counter).toString(36)}`.toUpperCase();

/** The recorded app_mention envelope, addressed to our bot, with a fresh event_id. */
export function mentionEvent(text: string, overrides: Record<string, unknown> = {}) {
  const body = json('app_mention.event_callback.bolt-python-fixture.json');
  body.event_id = nextId();
  body.event = { ...body.event, text: `<@${BOT_USER_ID}> ${text}`, ts: `1595926230.${String(++counter).padStart(6, '0')}`, ...overrides };
  body.event.event_ts = body.event.ts;
  return body;
}

/** The recorded message.im envelope with new text and a fresh event_id. */
export function directMessageEvent(text: string, overrides: Record<string, unknown> = {}) {
  const body = json('message_im.event_callback.docs.json');
  body.event_id = nextId();
  body.event = { ...body.event, text, ts: `1355517523.${String(++counter).padStart(6, '0')}`, ...overrides };
  return body;
}

/** A message.channels envelope (from the recorded app_mention one, as Slack sends it for a channel message). */
export function channelMessageEvent(text: string, overrides: Record<string, unknown> = {}) {
  const body = json('app_mention.event_callback.bolt-python-fixture.json');
  body.event_id = nextId();
  body.event = { ...body.event, type: 'message', channel_type: 'channel', text, ts: `1595926231.${String(++counter).padStart(6, '0')}`, ...overrides };
  return body;
}

/** The recorded slash command form body, as Slack really encodes it, for `/brief TEXT` (other `fields` replaced, e.g. channel_id). */
export function slashCommandForm(text: string, responseUrl: string, fields: Record<string, string> = {}): string {
  const form = new URLSearchParams(readFileSync(path.join(dir, 'slash_command.form.java-sdk-real-modified.txt'), 'utf8').trim());
  for (const [name, value] of Object.entries(fields)) form.set(name, value);
  form.set('command', '/brief');
  form.set('text', text);
  form.set('response_url', responseUrl);
  return form.toString();
}

/** The recorded block_actions payload, clicking one of our buttons, as the form Slack posts. */
export function blockActionForm(actionId: string, value: string, responseUrl: string, overrides: Record<string, unknown> = {}): string {
  const payload = json('block_actions.payload.bolt-python-fixture.json');
  payload.response_url = responseUrl;
  payload.actions = [{ ...payload.actions[0], action_id: actionId, block_id: 'brief_answer_actions', value }];
  Object.assign(payload, overrides);
  return `payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export const sharedPayload = json;

/** The recorded message shortcut payload, run on a message with `text`, as the form Slack posts. */
export function messageShortcutPayload(callbackId: string, text: string, responseUrl: string) {
  const payload = json('message_action.payload.bolt-python-fixture.json');
  payload.callback_id = callbackId;
  payload.response_url = responseUrl;
  payload.message = { ...payload.message, text, blocks: [] };
  return payload;
}

export const formOf = (payload: object) => `payload=${encodeURIComponent(JSON.stringify(payload))}`;

/** The recorded app_home_opened envelope for `user` opening `tab`, with a fresh event_id. */
export function appHomeOpenedEvent(user: string, tab: 'home' | 'messages' = 'home') {
  const body = json('app_home_opened.event_callback.bolt-python-fixture.json');
  body.event_id = nextId();
  body.event = { ...body.event, user, tab };
  return body;
}
