import { LogLevel } from '@slack/bolt';
import { storedTextFile } from '../curation/verbatim-check';
import type { Answer, Engine } from '../engine/engine';
import type { SemanticAnswer, SemanticAnswerer } from '../engine/semantic/answerer';
import type { FeedbackEntry } from '../feedback/log';
import type { FeedbackStore } from '../feedback/store';
import { answerMessage, noAnswerMessage, type Message } from './blocks';
import type { Books } from '../knowledge/books';
import type { EngineSource } from '../knowledge/engine-holder';
import type { BotLogger } from './logger';

export interface AskContext {
  user: string;
  team?: string;
  channel?: string;
  surface: 'command' | 'mention' | 'dm' | 'auto' | 'follow-up';
}

export interface AnsweringDeps {
  /** The books in service; reloads swap them there. Each question searches its channel's book only. */
  engines: EngineSource;
  logger: BotLogger;
  feedback: FeedbackStore;
  logQuestions: boolean;
  /** EXPERTS_CHANNEL: when set, unanswered questions get an "Ask an expert" button. */
  expertsChannel?: string;
  /** The semantic stage (SEMANTIC_STAGE=on): answers lexically until the engine's fact vectors are ready. */
  semantic?: SemanticAnswerer;
  /**
   * Waits for this question's turn (turns.ts `oneATurn`, one bot-wide). An ack takes a few turns of the event
   * loop and answering takes 1–2 ms of it; in a burst, every question that had arrived was answered before
   * the next turn's acks (`npm run load`: ack p99 0.9–1.2 s; one question a turn: 0.1–0.3 s).
   */
  turn?: () => Promise<void>;
  now?: () => Date;
}

/**
 * The answer and its runners-up as the bot ranks them: through the semantic stage when it is on, so
 * that "Other matches" lists the same runners-up the answer was chosen from.
 */
export function rankAnswers(deps: Pick<AnsweringDeps, 'semantic'>, engine: Engine, question: string, top?: number): Promise<SemanticAnswer> | Answer {
  const options = top === undefined ? {} : { top };
  return deps.semantic ? deps.semantic.ask(engine, question, options) : engine.ask(question, options);
}

/**
 * Answers a question for Slack: the message to post, one structured log line, and an "unanswered"
 * entry in the feedback log (the curators' to-do list) when the knowledge base does not cover it.
 */
export async function answerQuestion(
  deps: AnsweringDeps,
  question: string,
  ctx: AskContext,
): Promise<{ answer: Answer; message: Message }>;
/** With `confidentOnly`, a question the knowledge does not cover gets no reply (undefined) and no log entry. */
export async function answerQuestion(
  deps: AnsweringDeps,
  question: string,
  ctx: AskContext,
  confidentOnly: true,
): Promise<{ answer: Answer; message: Message } | undefined>;
export async function answerQuestion(
  deps: AnsweringDeps,
  question: string,
  ctx: AskContext,
  confidentOnly = false,
): Promise<{ answer: Answer; message: Message } | undefined> {
  await deps.turn?.();
  const books = deps.engines.current();
  const { engine } = books.forChannel(ctx.channel);
  const started = process.hrtime.bigint();
  const answer: Answer | SemanticAnswer = await rankAnswers(deps, engine, question);
  const latencyMs = Number(process.hrtime.bigint() - started) / 1e6;
  const top = answer.results[0];
  if (confidentOnly && !answer.answered) return undefined;
  deps.logger.event(LogLevel.INFO, 'question', {
    team: ctx.team,
    channel: ctx.channel,
    user: ctx.user,
    surface: ctx.surface,
    ...bookField(books, ctx.channel),
    latencyMs: Math.round(latencyMs * 100) / 100,
    answered: answer.answered,
    factId: answer.answered ? top?.fact.id : undefined,
    score: top?.score,
    ...(answer.toCheck && { toCheck: true }),
    // With the semantic stage: whether the model decided, word matching was sure, or it answered alone (SemanticAnswer).
    ...('stage' in answer && { stage: answer.stage }),
    ...(deps.logQuestions && { question }),
  });
  if (!answer.answered) {
    await recordFeedback(deps, { kind: 'unanswered', user: ctx.user, question, ...bookField(books, ctx.channel) });
  }
  const message = answer.answered
    ? answerMessage(answer, { shareable: ctx.surface === 'command', inContext: !!(top && storedTextFile(top.fact, process.cwd())) })
    : noAnswerMessage(answer, engine, deps.expertsChannel !== undefined);
  return { answer, message };
}

/** The book a channel searches, for log lines and feedback records, when there is more than one. */
export const bookField = (books: Books, channel: string | undefined): { book?: string } => (books.several ? { book: books.forChannel(channel).name } : {});

/** Feedback is a nice-to-have: a full disk must not stop the bot from answering. */
export async function recordFeedback(
  deps: AnsweringDeps,
  entry: Omit<FeedbackEntry, 'time'>,
): Promise<void> {
  try {
    await deps.feedback.append({ time: (deps.now?.() ?? new Date()).toISOString(), ...entry });
  } catch (error) {
    deps.logger.event(LogLevel.WARN, 'feedback_log_failed', { file: deps.feedback.where, error: (error as Error).message });
  }
}
