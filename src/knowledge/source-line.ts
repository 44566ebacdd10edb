import type { Fact, Source } from './schema';

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** "2021-08-11" -> "August 11, 2021"; "2024-05" -> "May 2024"; "2024" -> "2024". */
export function formatDate(date: string): string {
  const [year, month, day] = date.split('-');
  const monthName = month ? MONTHS[Number(month) - 1] : undefined;
  if (!monthName) return date;
  return day ? `${monthName} ${Number(day)}, ${year}` : `${monthName} ${year}`;
}

/** Publisher and date as one phrase, e.g. "Hudson Institute, August 11, 2021"; empty when neither is known. */
export function publication(source: Source): string {
  return [source.publisher, source.date && formatDate(source.date)].filter(Boolean).join(', ');
}

/** One-line citation: "Title — Publisher, Date — URL", leaving out what the source does not give. */
export function sourceLine(source: Source): string {
  return [source.title, publication(source), source.url].filter(Boolean).join(' — ');
}

/** What a fact is about, in a line: its first stored question, or the start of its text. */
export function factTopic(fact: Pick<Fact, 'questions' | 'text'>): string {
  const question = fact.questions[0];
  if (question) return question;
  return fact.text.length > 90 ? `${fact.text.slice(0, 89).trimEnd()}…` : fact.text;
}
