import { QUESTION_START } from './incoming';

/** "what about X?", "and how about X?" */
const WHAT_ABOUT = /^(?:(?:and|but|so|ok|okay|then)[\s,]+)?(?:what|how)\s+about\s+(.+?)[\s?.!]*$/i;
const PRONOUN = /\b(?:it|they|them|he|him|she)\b/gi;
const POSSESSIVE = /\b(?:its|their|his|her)\b/gi;
/** A run of capitalised words ("Ahmad Massoud", "NRF", "National Resistance Front"), without a trailing 's. */
const NAME = /\p{Lu}[\p{L}\p{N}-]*(?:\s+\p{Lu}[\p{L}\p{N}-]*)*/gu;

/** The names a question is about; a leading question word ("What", "Who") is not one. */
export function namesIn(question: string): string[] {
  const words = question.trim().split(/\s+/);
  const rest = words[0] && QUESTION_START.test(words[0]) ? words.slice(1).join(' ') : question;
  return [...rest.matchAll(NAME)].map((m) => m[0].replace(/['’]s$/, ''));
}

const withSubject = (text: string, subject: string) =>
  text.replace(POSSESSIVE, `${subject}'s`).replace(PRONOUN, subject);

/**
 * A follow-up in a thread as a question of its own, borrowing the subject of the thread's question
 * when that question names exactly one (otherwise the follow-up is asked as written):
 * "what about the Taliban?" after "Who leads the NRF?" → "Who leads the Taliban?";
 * "what about its goals?" → "the NRF's goals"; "Where is it based?" → "Where is NRF based?".
 */
export function withThreadSubject(followUp: string, threadQuestion: string): string {
  const names = namesIn(threadQuestion);
  const subject = names.length === 1 ? names[0]! : undefined;
  if (!subject) return followUp;
  const about = WHAT_ABOUT.exec(followUp)?.[1];
  if (about) {
    const newNames = namesIn(about);
    if (newNames.length === 1) return threadQuestion.replace(subject, newNames[0]!);
    if (newNames.length > 1) return followUp;
    const borrowed = withSubject(about, subject);
    return borrowed === about ? `${subject} ${about}` : borrowed;
  }
  return namesIn(followUp).length === 0 ? withSubject(followUp, subject) : followUp;
}
