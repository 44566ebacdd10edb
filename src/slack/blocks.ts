import type { types as slack } from '@slack/bolt';

type KnownBlock = slack.KnownBlock;
type Button = slack.Button;
import type { ExcerptContext } from '../curation/context';
import type { Answer, Engine, RankedFact } from '../engine/engine';
import type { Fact } from '../knowledge/schema';
import { worthListing } from '../engine/explain';
import { factTopic, publication } from '../knowledge/source-line';
import { asOfDate } from '../knowledge/review';
import { curationMessages, expertMessages, homeMessages, slackMessages } from '../messages';
import { defang, escapeMrkdwn, link, truncate } from './mrkdwn';

/** Slack's limits: 3,000 characters per section text, 50 blocks per message. */
export const SLACK_LIMITS = Object.freeze({ sectionText: 3000, blocks: 50, buttonValue: 2000, echoedQuestion: 500 });

export const ACTIONS = Object.freeze({
  share: 'brief_share',
  otherMatches: 'brief_other_matches',
  feedbackUp: 'brief_feedback_up',
  feedbackDown: 'brief_feedback_down',
  askExpert: 'brief_ask_expert',
  inContext: 'brief_in_context',
});

export interface Message {
  text: string;
  blocks: KnownBlock[];
}

/** What a button carries back: the question (shortened to fit), the fact shown, and whether it was given to check. */
export interface ButtonValue {
  q: string;
  id?: string;
  check?: true;
}

/** Shortens the question until the value fits; every pass removes at least one character, so it ends. */
function withShorterQuestion(value: ButtonValue): string {
  let q = value.q;
  let encoded = JSON.stringify(value);
  while (encoded.length > SLACK_LIMITS.buttonValue && q) {
    q = q.slice(0, Math.max(0, q.length - (encoded.length - SLACK_LIMITS.buttonValue)));
    encoded = JSON.stringify({ ...value, q });
  }
  return encoded;
}

/** The button's value within Slack's limit: the question is cut first; an id too long even without it is left out. */
export function buttonValue(value: ButtonValue): string {
  const encoded = withShorterQuestion(value);
  return encoded.length <= SLACK_LIMITS.buttonValue ? encoded : withShorterQuestion({ q: value.q });
}

export const section = (text: string): KnownBlock => ({ type: 'section', text: { type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) } });
export const context = (text: string): KnownBlock => ({ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(text, SLACK_LIMITS.sectionText) }] });

const restate = (question: string) => `*Q:* ${defang(truncate(question, SLACK_LIMITS.echoedQuestion))}`;
/** The excerpt as a block quote: every line prefixed, so a multi-line excerpt stays one quote. */
export const quote = (text: string) => defang(truncate(text, SLACK_LIMITS.sectionText - 200)).split('\n').map((line) => `>${line}`).join('\n');

export function sourceMrkdwn(result: RankedFact): string {
  const { source } = result.fact;
  const title = source.url ? link(source.url, source.title) : `*${defang(source.title)}*`;
  const details = publication(source);
  const asOf = asOfDate(result.fact);
  return `Source: ${title}${details ? ` — ${defang(details)}` : ''}${asOf ? ` (${curationMessages.asOf(asOf)})` : ''}`;
}

export function sourcePlain(result: RankedFact): string {
  const { source } = result.fact;
  return [source.title, publication(source), source.url].filter(Boolean).join(' — ');
}

export interface AnswerOptions {
  /** Offer "Share in channel" (only for answers only the asker sees). */
  shareable: boolean;
  /** Who shared it, for answers posted from "Share in channel". */
  sharedBy?: string;
  /** Offer "In context" (the excerpt's source has stored text to show it in). */
  inContext?: boolean;
}

/** An answered question: restated question, quoted excerpt, source line, and the buttons. */
export function answerMessage(answer: Answer, options: AnswerOptions): Message {
  const [best, ...others] = answer.results;
  if (!answer.answered || !best) throw new Error('answerMessage needs an answered question');
  const value = buttonValue({ q: answer.question, id: best.fact.id, ...(answer.toCheck && { check: true as const }) });
  const button = (action_id: string, label: string): Button => ({
    type: 'button',
    action_id,
    text: { type: 'plain_text', text: label, emoji: true },
    value,
  });
  const blocks: KnownBlock[] = [section(restate(answer.question)), section(quote(best.fact.text)), context(sourceMrkdwn(best))];
  // Below the decision's sure point (decision.ts): the analyst is told before relying on it, and so is a channel it is shared to.
  if (answer.toCheck) blocks.push(context(slackMessages.toCheck()));
  if (options.sharedBy) {
    blocks.push(context(slackMessages.sharedBy(options.sharedBy)));
  } else {
    const elements = [
      ...(options.shareable ? [button(ACTIONS.share, slackMessages.shareButton())] : []),
      ...(others.some(worthListing) ? [button(ACTIONS.otherMatches, slackMessages.otherMatchesButton())] : []),
      ...(options.inContext ? [button(ACTIONS.inContext, slackMessages.inContextButton())] : []),
      button(ACTIONS.feedbackUp, '👍'),
      button(ACTIONS.feedbackDown, '👎'),
    ];
    blocks.push({ type: 'actions', block_id: 'brief_answer_actions', elements });
  }
  const text = `${truncate(answer.question, SLACK_LIMITS.echoedQuestion)}\n“${best.fact.text}”\n— ${sourcePlain(best)}${answer.toCheck ? `\n${slackMessages.toCheck()}` : ''}`;
  return { text: defang(text), blocks };
}

/** More facts for the same question (the "Other matches" button). */
export function otherMatchesMessage(question: string, results: readonly RankedFact[]): Message {
  if (results.length === 0) {
    return { text: slackMessages.noOtherMatches(), blocks: [section(`${restate(question)}\n${slackMessages.noOtherMatches()}`)] };
  }
  const blocks: KnownBlock[] = [section(`${restate(question)}\n*Other matches:*`)];
  for (const r of results) blocks.push(section(quote(r.fact.text)), context(sourceMrkdwn(r)));
  const text = results.map((r) => `“${r.fact.text}” — ${sourcePlain(r)}`).join('\n');
  return { text: defang(`Other matches for: ${truncate(question, SLACK_LIMITS.echoedQuestion)}\n${text}`), blocks: blocks.slice(0, SLACK_LIMITS.blocks) };
}

/** The "Ask an expert" button for `question` (shown only when EXPERTS_CHANNEL is set). */
export function askExpertBlock(question: string): KnownBlock {
  const button: Button = { type: 'button', action_id: ACTIONS.askExpert, text: { type: 'plain_text', text: expertMessages.button(), emoji: true }, value: buttonValue({ q: question }) };
  return { type: 'actions', block_id: 'brief_expert_actions', elements: [button] };
}

/** Not covered: said plainly, with the closest topics (never an excerpt presented as the answer). */
export function noAnswerMessage(answer: Answer, engine: Engine, askExpert = false): Message {
  const closest = answer.results.map((r) => factTopic(r.fact));
  const lines = closest.length
    ? closest.map((t) => `• ${defang(t)}`)
    : engine.knowledge.sources.map((s) => `• ${defang(s.title)}`);
  const lead = slackMessages.notCovered();
  const listTitle = closest.length ? slackMessages.closestTopicsTitle() : slackMessages.coveredSourcesTitle();
  return {
    text: defang(`${lead} ${listTitle} ${closest.length ? closest.join('; ') : engine.knowledge.sources.map((s) => s.title).join('; ')}`),
    blocks: [section(`${restate(answer.question)}\n${lead}`), section(`*${listTitle}*\n${lines.join('\n')}`), ...(askExpert ? [askExpertBlock(answer.question)] : [])],
  };
}

/** Three stored questions of the knowledge in service, from different sources. */
export function exampleQuestions(engine: Engine): string[] {
  const examples: string[] = [];
  const seenFiles = new Set<string>();
  for (const fact of engine.facts) {
    const q = fact.questions[0];
    if (q && !seenFiles.has(fact.file)) {
      examples.push(q);
      seenFiles.add(fact.file);
    }
    if (examples.length === 3) break;
  }
  return examples;
}

/** How to ask, three example questions from the knowledge itself, and the sources. */
export function helpMessage(engine: Engine): Message {
  const examples = exampleQuestions(engine);
  const sources = engine.knowledge.sources.map((s) => `• ${defang(s.title)}${publication(s) ? ` — ${defang(publication(s))}` : ''}`);
  return {
    text: slackMessages.helpText(examples[0] ?? 'your question'),
    blocks: [
      section(slackMessages.helpHowTo()),
      section(`${homeMessages.tryThese()}\n${examples.map((q) => `• /brief ${escapeMrkdwn(q)}`).join('\n')}`),
      section(`${homeMessages.sources(sources.length)}\n${sources.join('\n')}`),
    ],
  };
}

/** The reply to small talk (incoming.ts): how to ask, or a short "you're welcome". */
export function smallTalkMessage(kind: 'help' | 'thanks', engine: Engine): Message {
  return kind === 'help' ? helpMessage(engine) : noticeMessage(slackMessages.welcome());
}

export function noticeMessage(text: string): Message {
  return { text, blocks: [section(escapeMrkdwn(text))] };
}


/** The excerpt between the sentences around it in its source's stored text ("In context"). */
export function inContextMessage(fact: Fact, found: ExcerptContext | undefined): Message {
  if (!found || (!found.before && !found.after)) return noticeMessage(slackMessages.noContext());
  const lines = [
    ...(found.before ? [`_${defang(found.before)}_`] : []),
    quote(fact.text),
    ...(found.after ? [`_${defang(found.after)}_`] : []),
  ];
  const text = [found.before, `“${fact.text}”`, found.after].filter(Boolean).join(' ');
  return {
    text: defang(`${slackMessages.inContextTitle(found.textFile)} ${text}`),
    blocks: [section(`*${defang(slackMessages.inContextTitle(found.textFile))}*`), section(lines.join('\n')), context(sourceMrkdwn({ fact, score: 1, relevance: 1, matched: [] }))],
  };
}
