/**
 * The question in a message that wraps it in chatter. "I'm preparing a briefing. Where is the NRF based?" was
 * declined (0.50): "preparing" and "briefing" are words the knowledge lacks, and a word the knowledge lacks
 * tells against every fact. A sentence that does not ask (no "?") and says nothing the knowledge could hold
 * is left out of what is matched, and so is such a lead-in set off by a colon or a dash ("quick question: where
 * is the nrf based?" was a match to check, 0.76, and is now sure); the message is shown as written.
 */

/** Sentence ends: the mark stays with its sentence ("based??" asks). */
const SENTENCE_END = /(?<=[.!?])\s+/;

/** The sentences of a text, split after ".", "!" or "?" and a space. */
export const sentencesOf = (text: string): string[] => text.split(SENTENCE_END).filter((s) => s.trim() !== '');

const asks = (sentence: string) => /\?\s*$/.test(sentence);

/** Words before a colon, or a dash with spaces round it, that open a message ("Quick question: …", "ok so - …"). */
const LEAD_IN = /^([^:.!?]+?)(?::|\s[-\u2013\u2014]+)\s+(?=\S)/u;
/**
 * A lead-in that asks ("How did he die - Massoud's father?", "When was it - the Hudson event?") is the question,
 * whatever else it holds: its question words are stop words, so it would pass for chatter.
 */
const ASKING = /\b(?:who|whom|whose|what|whats|when|where|why|how|which)\b/i;

/**
 * `message` without a lead-in that `isChatter` finds empty of the topic, and without the sentences that do not
 * ask and that it finds so, when another sentence asks; `message` itself otherwise.
 */
export function focusQuestion(message: string, isChatter: (sentence: string) => boolean): string {
  const lead = LEAD_IN.exec(message);
  if (lead && !ASKING.test(lead[1]!) && isChatter(lead[1]!)) return focusQuestion(message.slice(lead[0].length), isChatter);
  const sentences = sentencesOf(message);
  if (sentences.length < 2 || !sentences.some(asks)) return message;
  const kept = sentences.filter((s) => asks(s) || !isChatter(s));
  return kept.length === sentences.length ? message : kept.join(' ');
}
