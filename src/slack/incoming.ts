/** Shapes of incoming message events that matter here, checked once at the edge. */
export interface IncomingMessage {
  type: string;
  subtype?: string;
  text?: string;
  user?: string;
  bot_id?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
  team?: string;
}

/** Subtypes that are still a person writing; every other subtype (edits, deletions, joins, bots) is ignored. */
const PERSON_SUBTYPES = new Set(['file_share', 'thread_broadcast']);

/** A message a person wrote (not a bot, not an edit, deletion or system notice). */
export function isFromPerson(message: IncomingMessage): boolean {
  if (message.bot_id || !message.user) return false;
  return message.subtype === undefined || PERSON_SUBTYPES.has(message.subtype);
}

export const QUESTION_START = /^(who|whom|whose|what|when|where|why|how|which|is|are|was|were|does|do|did|can|could|will|would|should|has|have)\b/i;

/** Looks like a question: ends with "?" or starts with a question word. */
export function looksLikeQuestion(text: string): boolean {
  const t = text.trim();
  return t.endsWith('?') || QUESTION_START.test(t);
}

/**
 * Nothing asked, "help", a greeting or thanks: not a question the knowledge could cover. Searched as one it
 * matched by accident ("hi" is Hawaii's abbreviation in WordNet, so "/brief hi" listed US policy among its
 * closest topics) and filled the curators' list of unanswered questions. Help and greetings get how to ask;
 * thanks get a short reply.
 */
export function smallTalk(question: string): 'help' | 'thanks' | undefined {
  if (!question || HELP_OR_GREETING.test(question)) return 'help';
  return THANKS.test(question) ? 'thanks' : undefined;
}

const HELP_OR_GREETING = /^(help|hi|hello|hey|hiya|howdy|yo|good (morning|afternoon|evening))( (there|all|everyone|team))?\W*$/i;
const THANKS = /^(thanks|thank you|thx|ty|cheers)( (a lot|so much|very much))?\W*$/i;
