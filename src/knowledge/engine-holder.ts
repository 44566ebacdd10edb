import type { Books } from './books';

/** Why the last reload left the previous knowledge in service. */
export type ReloadFailure = 'invalid-knowledge' | 'folder-missing' | 'worker-failed';

/** What /healthz reports about the knowledge in service. */
export interface KnowledgeStatus {
  fingerprint: string;
  /** When the books in service were put in service. */
  loadedAt: string;
  /** How long loading it took (start-up load, or the reload that produced it). */
  loadMs: number;
  lastReload?: { at: string; ok: true; durationMs: number } | { at: string; ok: false; reason: ReloadFailure; problems?: number };
}

/** Where readers get the books in service (an engine per book): each question asks once and keeps them to the end. */
export interface EngineSource {
  current(): Books;
}

/**
 * The one place the books in service are kept. Reloads swap in all books (and the channel map) with a
 * single assignment, so a question is always answered wholly by the old or wholly by the new knowledge.
 */
export class EngineHolder implements EngineSource {
  private books: Books;
  private state: KnowledgeStatus;

  constructor(
    books: Books,
    loadMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.books = books;
    this.state = this.describe(books, loadMs);
  }

  current(): Books {
    return this.books;
  }

  replace(books: Books, loadMs: number): void {
    this.books = books;
    this.state = { ...this.describe(books, loadMs), lastReload: { at: this.stamp(), ok: true, durationMs: Math.round(loadMs) } };
  }

  /** A reload that failed: the books in service stay. */
  failed(reason: ReloadFailure, problems?: number): void {
    this.state = { ...this.state, lastReload: { at: this.stamp(), ok: false, reason, ...(problems !== undefined && { problems }) } };
  }

  status(): Readonly<KnowledgeStatus> {
    return this.state;
  }

  private describe(books: Books, loadMs: number): KnowledgeStatus {
    return { fingerprint: books.fingerprint, loadedAt: this.stamp(), loadMs: Math.round(loadMs) };
  }

  private stamp(): string {
    return new Date(this.now()).toISOString();
  }
}
