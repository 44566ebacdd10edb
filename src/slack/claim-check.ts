import type { Engine, RankedFact } from '../engine/engine';
import { questionFromMessage } from './mrkdwn';

export const CLAIM_CHECK = Object.freeze({
  /**
   * Least relevance (0..1, √coverage of the claim's words × BM25 relative to the best fact) for a fact to
   * "bear on" a claim: the engine's own lexical bar for an answer (lexicalGate), i.e. at least ~42% of the
   * claim's words found in the fact. Below it, claims such as "The meeting is at 3pm." matched a
   * conference fact at 0.60 on one word; above it, the bundled knowledge's paraphrased claims matched at 0.89–1.
   */
  minRelevance: 0.65,
  /** Claims shown in the reply: the best-supported ones. */
  shown: 3,
  /** Sentences checked at most: a pasted report is checked in its first part, not ignored. */
  maxClaims: 30,
  /** A sentence needs this many letters to be a claim ("OK.", "+1", emoji are not). */
  minLetters: 8,
});

export interface CheckedClaim {
  claim: string;
  /** Facts that bear on the claim, best first; empty when the knowledge has nothing on it. */
  support: RankedFact[];
}

const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });
const ENDS_WITH_TITLE = /\b(?:Dr|Mr|Mrs|Ms|Prof|Gen|Col|Lt|Capt|Sgt|Maj|Sen|Rep|Gov|St)\.\s*$/;

/** The sentences of a Slack message that could be claims: mentions dropped, markup decoded. */
export function splitClaims(slackText: string): string[] {
  const text = questionFromMessage(slackText);
  const claims: string[] = [];
  let carried = '';
  for (const { segment } of sentences.segment(text)) {
    // The segmenter ends a sentence after a title such as "Dr." or "Gen."; the sentence goes on after it.
    if (ENDS_WITH_TITLE.test(segment)) {
      carried += segment;
      continue;
    }
    const claim = (carried + segment).trim();
    carried = '';
    if ((claim.match(/\p{L}/gu) ?? []).length >= CLAIM_CHECK.minLetters) claims.push(claim);
    if (claims.length === CLAIM_CHECK.maxClaims) break;
  }
  return claims;
}

/** Each claim with the facts that bear on it, the best-supported claims first (by the best fact's probability, then relevance). */
export function checkClaims(engine: Engine, claims: readonly string[]): CheckedClaim[] {
  const checked = claims.map((claim) => ({
    claim,
    support: engine.ask(claim, { top: 3 }).results.filter((r) => r.relevance >= CLAIM_CHECK.minRelevance),
  }));
  const strength = (c: CheckedClaim) => [c.support[0]?.score ?? -1, c.support[0]?.relevance ?? -1] as const;
  return checked.sort((a, b) => {
    const [sa, ra] = strength(a);
    const [sb, rb] = strength(b);
    return sb - sa || rb - ra;
  });
}
