import { z } from 'zod';
import type { Books } from '../../../knowledge/books';
import type { Fact } from '../../../knowledge/schema';
import type { ButtonValue } from '../../blocks';

const valueSchema = z.object({ q: z.string(), id: z.string().optional(), check: z.literal(true).optional() });

/** The value of one of our buttons, or undefined when it is not ours or was tampered with. */
export function readButtonValue(body: unknown): (ButtonValue & { user: string; channel?: string }) | undefined {
  const b = body as { actions?: Array<{ value?: string }>; user?: { id?: string }; channel?: { id?: string } };
  const raw = b.actions?.[0]?.value;
  const user = b.user?.id;
  if (!raw || !user) return undefined;
  try {
    const parsed = valueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? { ...parsed.data, user, channel: b.channel?.id } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The fact a button names, looked up only in the book of the channel it was clicked in (Slack signs
 * the channel; the value is the user's to craft): another book's fact id finds nothing.
 */
export function findFact(books: Books, value: { id?: string; channel?: string }): Fact | undefined {
  return value.id === undefined ? undefined : books.forChannel(value.channel).engine.facts.find((f) => f.id === value.id);
}
