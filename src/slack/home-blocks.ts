import type { types as slack } from '@slack/bolt';
import type { Engine } from '../engine/engine';
import type { Books } from '../knowledge/books';
import type { FeedbackEntry } from '../feedback/log';
import { factTopic, publication } from '../knowledge/source-line';
import { homeMessages as msg } from '../messages';
import { context, exampleQuestions, section } from './blocks';
import type { CuratorFeed } from './curator-feed';
import { defang, escapeMrkdwn, truncate } from './mrkdwn';

/** Slack allows 100 blocks in a view; the lists are capped well below, whatever the log holds. */
export const HOME_LIMITS = Object.freeze({ blocks: 100, sources: 20, unanswered: 10, disliked: 10, echoedQuestion: 300 });

const header = (text: string): slack.KnownBlock => ({ type: 'header', text: { type: 'plain_text', text, emoji: true } });
const divider: slack.KnownBlock = { type: 'divider' };

/** A log time in the reader's own time zone (Slack's date token), the ISO text as the fallback. */
function when(time: string): string {
  const seconds = Math.floor(Date.parse(time) / 1000);
  return Number.isFinite(seconds) ? `<!date^${seconds}^{date_short_pretty} {time}|${escapeMrkdwn(time)}>` : defang(time);
}

function sourceLines(engine: Engine): string[] {
  const counts = new Map<string, number>();
  for (const fact of engine.facts) counts.set(fact.file, (counts.get(fact.file) ?? 0) + 1);
  return engine.knowledge.sources.map((s) => {
    const details = publication(s);
    return `• *${defang(s.title)}*${details ? ` — ${defang(details)}` : ''} — ${msg.factCount(counts.get(s.file) ?? 0)}`;
  });
}

/** At most `cap` items as blocks, then "… and N more" when the list is longer. */
function capped<T>(items: readonly T[], cap: number, what: string, block: (item: T) => slack.KnownBlock): slack.KnownBlock[] {
  if (items.length === 0) return [context(msg.noneYet())];
  const blocks = items.slice(0, cap).map(block);
  if (items.length > cap) blocks.push(context(msg.more(items.length - cap, what)));
  return blocks;
}

function curatorBlocks(books: Books, feed: CuratorFeed): slack.KnownBlock[] {
  const question = (e: FeedbackEntry) => defang(truncate(e.question, HOME_LIMITS.echoedQuestion));
  const factOf = (e: FeedbackEntry) => {
    if (!e.factId) return msg.noFact();
    // Each entry's fact in the book it was given from (entries written before books: the default book).
    const fact = books.named(e.book ?? books.default.name)?.engine.facts.find((f) => f.id === e.factId);
    return fact ? `${defang(factTopic(fact))} (\`${e.factId}\`)` : defang(msg.factGone(e.factId));
  };
  return [
    divider,
    header(msg.curatorTitle()),
    section(msg.unanswered(feed.unanswered.length)),
    ...capped(feed.unanswered, HOME_LIMITS.unanswered, 'question', (e) => section(`• ${question(e)} — ${when(e.time)}`)),
    section(msg.disliked(feed.disliked.length)),
    ...capped(feed.disliked, HOME_LIMITS.disliked, '👎', (e) => section(`• ${question(e)} — ${when(e.time)}\n   ↳ ${factOf(e)}`)),
  ];
}

/** The App Home tab: how to ask with three live examples and the sources of the default book, and (for curators) their to-do list. */
export function homeView(books: Books, feed?: CuratorFeed): slack.HomeView {
  const { engine } = books.default;
  const sources = sourceLines(engine);
  const shown = sources.slice(0, HOME_LIMITS.sources);
  if (sources.length > shown.length) shown.push(msg.more(sources.length - shown.length, 'source'));
  const blocks: slack.KnownBlock[] = [
    header(msg.title()),
    section(msg.howToAsk()),
    section(`${msg.tryThese()}\n${exampleQuestions(engine).map((q) => `• /brief ${defang(q)}`).join('\n')}`),
    divider,
    section(`${msg.sources(sources.length)}\n${shown.join('\n')}`),
    ...(feed ? curatorBlocks(books, feed) : []),
  ];
  return { type: 'home', blocks: blocks.slice(0, HOME_LIMITS.blocks) };
}
