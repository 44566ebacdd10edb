import type { Fact } from './schema';

/** A fact's own date wins over its source's: a source can be reviewed as a whole or fact by fact. */
export const asOfDate = (fact: Pick<Fact, 'as_of' | 'source'>): string | undefined => fact.as_of ?? fact.source.as_of;
export const reviewByDate = (fact: Pick<Fact, 'review_by' | 'source'>): string | undefined => fact.review_by ?? fact.source.review_by;

/** "2024" and "2024-05" fall due on the first day of that year or month. */
const firstDay = (date: string): string => [...date.split('-'), '01', '01'].slice(0, 3).join('-');

export const today = (now = new Date()): string => now.toISOString().slice(0, 10);

export interface DueFact {
  fact: Fact;
  reviewBy: string;
}

/** Facts whose review date has come, oldest first (then by file and line, so the list is stable). */
export function dueForReview(facts: readonly Fact[], on: string): DueFact[] {
  return facts
    .flatMap((fact) => {
      const reviewBy = reviewByDate(fact);
      return reviewBy && firstDay(reviewBy) <= on ? [{ fact, reviewBy }] : [];
    })
    .sort((a, b) => firstDay(a.reviewBy).localeCompare(firstDay(b.reviewBy)) || a.fact.file.localeCompare(b.fact.file) || a.fact.line - b.fact.line);
}
