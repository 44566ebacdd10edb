import type { Engine } from '../engine/engine';

/** Why the last reload left the previous knowledge in service. */
export type ReloadFailure = 'invalid-knowledge' | 'folder-missing' | 'worker-failed';

/** What /healthz reports about the knowledge in service. */
export interface KnowledgeStatus {
  fingerprint: string;
  /** When the engine in service was put in service. */
  loadedAt: string;
  /** How long loading it took (start-up load, or the reload that produced it). */
  loadMs: number;
  lastReload?: { at: string; ok: true; durationMs: number } | { at: string; ok: false; reason: ReloadFailure; problems?: number };
}

/** Where readers get the engine in service: each question asks once and keeps that engine to the end. */
export interface EngineSource {
  current(): Engine;
}

/**
 * The one place the engine in service is kept. Reloads swap in a complete engine with a single
 * assignment, so a question is always answered wholly by the old or wholly by the new knowledge.
 */
export class EngineHolder implements EngineSource {
  private engine: Engine;
  private state: KnowledgeStatus;

  constructor(
    engine: Engine,
    loadMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.engine = engine;
    this.state = this.describe(engine, loadMs);
  }

  current(): Engine {
    return this.engine;
  }

  replace(engine: Engine, loadMs: number): void {
    this.engine = engine;
    this.state = { ...this.describe(engine, loadMs), lastReload: { at: this.stamp(), ok: true, durationMs: Math.round(loadMs) } };
  }

  /** A reload that failed: the engine in service stays. */
  failed(reason: ReloadFailure, problems?: number): void {
    this.state = { ...this.state, lastReload: { at: this.stamp(), ok: false, reason, ...(problems !== undefined && { problems }) } };
  }

  status(): Readonly<KnowledgeStatus> {
    return this.state;
  }

  private describe(engine: Engine, loadMs: number): KnowledgeStatus {
    return { fingerprint: engine.knowledge.fingerprint, loadedAt: this.stamp(), loadMs: Math.round(loadMs) };
  }

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }
}
