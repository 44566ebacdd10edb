import { tokenize, type Token } from './analyse';

/** An alias group found in a token sequence: tokens [start, end) stand for `term`. */
export interface AliasHit {
  start: number;
  end: number;
  term: string;
  group: number;
}

interface TrieNode {
  next: Map<string, TrieNode>;
  group?: number;
  /** A short capitalised member that is also a common word ("IS", "US") matches only in capitals. */
  capsOnly?: boolean;
}

/**
 * "NRFs" or "nrfs" for "NRF's", typed without the apostrophe: Porter2 keeps the "s" of a word with no vowel
 * before it, so the plural of an acronym is looked up without it.
 */
const VOWELLESS_PLURAL = /^[b-df-hj-np-tv-xz]{2,}s$/;

export const aliasTerm = (group: number): string => `_a${group}`;

/**
 * Finds alias phrases (longest first) in tokenized text. Matching is on stems, so "National
 * Resistance Front's" still matches "National Resistance Front".
 */
export class AliasMatcher {
  private readonly root: TrieNode = { next: new Map() };
  readonly groups: ReadonlyArray<readonly string[]>;

  constructor(groups: ReadonlyArray<readonly string[]>) {
    this.groups = groups;
    groups.forEach((members, group) => {
      for (const member of members) {
        const tokens = tokenize(member);
        if (tokens.length === 0) continue;
        let node = this.root;
        for (const token of tokens) {
          let child = node.next.get(token.stem);
          if (!child) node.next.set(token.stem, (child = { next: new Map() }));
          node = child;
        }
        const capsOnly = tokens.length === 1 && tokens[0]!.isStop && tokens[0]!.caps;
        if (node.group === undefined || (node.capsOnly && !capsOnly)) node.group = group;
        node.capsOnly = capsOnly;
      }
    });
  }

  /** Longest matches, left to right, not overlapping: how a question is read. */
  match(tokens: readonly Token[]): AliasHit[] {
    const hits: AliasHit[] = [];
    let i = 0;
    while (i < tokens.length) {
      const best = this.matchesAt(tokens, i, []).pop();
      if (best) hits.push(best);
      i = best ? best.end : i + 1;
    }
    return hits;
  }

  /**
   * Every match, nested ones included: how a fact is indexed, so that a fact saying "Ahmad Shah
   * Massoud" is found both by that name and by "Massoud".
   */
  matchAll(tokens: readonly Token[]): AliasHit[] {
    // Into one array: indexing calls this for every field of every fact, and most tokens match nothing.
    const hits: AliasHit[] = [];
    for (let i = 0; i < tokens.length; i++) this.matchesAt(tokens, i, hits);
    return hits;
  }

  /** Matches starting at `start`, shortest first, added to `hits`. */
  private matchesAt(tokens: readonly Token[], start: number, hits: AliasHit[]): AliasHit[] {
    let node: TrieNode | undefined = this.root;
    for (let j = start; j < tokens.length && node; j++) {
      const token: Token = tokens[j]!;
      node = node.next.get(token.stem) ?? (VOWELLESS_PLURAL.test(token.stem) ? node.next.get(token.stem.slice(0, -1)) : undefined);
      if (node?.group !== undefined && (!node.capsOnly || token.caps)) {
        hits.push({ start, end: j + 1, term: aliasTerm(node.group), group: node.group });
      }
    }
    return hits;
  }
}
