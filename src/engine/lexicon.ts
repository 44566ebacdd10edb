import { englishLexicon, type EnglishLexicon } from '../lexicon/english';
import { wordNet, type Synset, type WordNet } from '../lexicon/wordnet';
import { FuzzyVocabulary, type Correction } from './fuzzy';
import { CLITICS, tokenize } from './analyse';
import { STOP_WORDS } from './stopwords';
import { memo } from '../memo';
import generalSynonyms from '../lexicon/general-synonyms.json';

/** What the engine asks of general English, behind one interface so tests can run it on small data. */
export interface Lexicon {
  /** A real English word (not a typo, not a name English does not know). */
  isEnglish(word: string): boolean;
  /** 0.1..1: how much an unseen word says ("actually" little, "population" a lot, a name or typo the most). */
  informativeness(word: string): number;
  /** 0.35..1: how specific a word of the knowledge is in English ("support" is everyday, "assassinate" is not). */
  generality(word: string): number;
  /** Words English relates to `word` or a two-word phrase, with a credit 0..1 for how close they are. */
  related(word: string): ReadonlyArray<{ word: string; credit: number }>;
  /** The everyday English word a typo stands for ("teh" -> "the"), if one is close. */
  correctEveryday(word: string): Correction | undefined;
  /** The function word a word stands for when typed without its apostrophe ("isnt", "whos") or slipped ("wat"). */
  functionWordFor(word: string): string | undefined;
  /** WordNet's lexicographer classes of a word ("noun.location", "noun.person"). */
  classes(word: string): ReadonlySet<string>;
}

/** Most frequent English words offered as corrections of everyday typos. */
const EVERYDAY_WORDS = 20_000;

/** The function word `word` contracts with `clitic` ("isnt" is "isn" and "t", as "isn't" is tokenized), if it is one: "red" is not "re" and "d". */
function contracted(word: string, clitic: string): string | undefined {
  const first = word.slice(0, -clitic.length);
  const fits = word.endsWith(clitic) && STOP_WORDS.has(first) && !CLITICS.includes(first) && (clitic !== 't' || first.endsWith('n'));
  return fits ? first : undefined;
}

/**
 * A slip of a function word is read as that word only when subtitles record it fewer times than this, and
 * the word it slips from at least SLIP_RATIO times as often ("wat" 35 times, "what" 501,965).
 */
const RARE_SLIP = 50;
const SLIP_RATIO = 1000;

/** Closeness of each WordNet relation, as credit towards matching the word itself. */
const RELATIONS: Readonly<Record<string, number>> = Object.freeze({
  '+': 0.8, // derivationally related: supervise/supervision, assassinate/assassination
  '\\': 0.8, // pertainym: Austrian -> Austria
  '&': 0.6, // similar adjective
  '#p': 0.5, // part of: Vienna -> Austria
  '%p': 0.4, // has part: Austria -> Vienna
  '$': 0.6, // verb group
});

/** WordNet's classes of nouns that hold names as well as words: a noun only of these may be a name. */
const NAME_CLASSES: ReadonlySet<string> = new Set(['noun.location', 'noun.group', 'noun.person']);

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The hand-reviewed groups (lexicon/general-synonyms.json) by stem: each word's mates. */
function synonymTable(groups: ReadonlyArray<readonly string[]>): Map<string, string[]> {
  const table = new Map<string, Set<string>>();
  for (const group of groups) {
    for (const word of group) {
      const stem = tokenize(word)[0]?.stem;
      if (!stem) continue;
      const mates = table.get(stem) ?? new Set<string>();
      for (const other of group) if (other !== word) mates.add(other);
      table.set(stem, mates);
    }
  }
  return new Map([...table].map(([stem, mates]) => [stem, [...mates]]));
}
const GENERAL_SYNONYMS = synonymTable(generalSynonyms.groups);

export class EnglishAndWordNet implements Lexicon {
  private readonly relatedCache = new Map<string, Array<{ word: string; credit: number }>>();
  private readonly classCache = new Map<string, Set<string>>();
  private readonly synsetCache = new Map<string, Synset[]>();
  private everyday: FuzzyVocabulary | undefined;

  constructor(
    private readonly english: () => EnglishLexicon = englishLexicon,
    private readonly wordnet: () => WordNet = wordNet,
    private readonly senses = 3,
  ) {}

  isEnglish(word: string): boolean {
    return this.english().isWord(word) || this.commonInWordNet(word);
  }

  /**
   * Subtitles miss the inflections of rarer words ("characterises", "timeline"), which then read as names
   * (a missing name vetoes a fact). WordNet knows them as verbs, adjectives, adverbs or common nouns; the
   * names it knows (Kabul, the Taliban) are places, groups and people, which stay names.
   */
  private commonInWordNet(word: string): boolean {
    return /^\p{L}+$/u.test(word) && this.synsetsOf(word).some((synset) => synset.pos !== 'n' || !NAME_CLASSES.has(synset.lexname));
  }

  informativeness(word: string): number {
    return clamp((this.english().idf(word) - 6) / 6, 0.1, 1);
  }

  generality(word: string): number {
    return clamp((this.english().idf(word) - 4) / 6, 0.35, 1);
  }

  related(word: string): ReadonlyArray<{ word: string; credit: number }> {
    return memo(this.relatedCache, word, () => this.lookUpRelated(word));
  }

  /** A word's WordNet senses (the first few of each part of speech), searched once for every use. */
  private synsetsOf(word: string): Synset[] {
    return memo(this.synsetCache, word, () => this.wordnet().lookup(word, ['n', 'v', 'a', 'r'], this.senses));
  }

  private lookUpRelated(word: string): Array<{ word: string; credit: number }> {
    const credits = new Map<string, number>();
    const add = (w: string, credit: number) => {
      if (w !== word && credit > (credits.get(w) ?? 0)) credits.set(w, credit);
    };
    if (!word.includes(' ')) for (const mate of GENERAL_SYNONYMS.get(tokenize(word)[0]?.stem ?? '') ?? []) add(mate, 1);
    const wn = this.wordnet();
    let synsets: Synset[] = [];
    if (!word.includes(' ')) synsets = this.synsetsOf(word);
    // A phrase is searched only when both its words are English: each search is a binary search per part of
    // speech and base form, and a question of unseen words spent most of its time in them.
    else if (word.split(' ').every((w) => this.isEnglish(w))) synsets = wn.lookup(word, ['n', 'v', 'a', 'r'], this.senses);
    for (const synset of synsets) {
      for (const w of synset.words) add(w, 1);
      for (const pointer of synset.pointers) {
        const credit = RELATIONS[pointer.symbol];
        if (credit === undefined) continue;
        // Part-whole links are about places (Vienna, Austria), not the parts of machines or bodies.
        if (pointer.symbol.endsWith('p') && synset.lexname !== 'noun.location') continue;
        for (const w of wn.synset(pointer.offset, pointer.pos).words) add(w, credit);
      }
    }
    return [...credits].map(([w, credit]) => ({ word: w, credit }));
  }

  correctEveryday(word: string): Correction | undefined {
    if (!this.everyday) {
      const words = this.english().mostFrequent(EVERYDAY_WORDS).filter((w) => /^\p{L}+$/u.test(w));
      this.everyday = new FuzzyVocabulary(words.map((w) => [w, w] as [string, string]), { threshold: 0.34, minLength: 3, maxLengthDifference: 1, maxCorrections: 1 });
    }
    return this.everyday.correct(word)[0];
  }

  /**
   * Subtitles count "isnt", "dont", "whos" and "wat" as words, so they read as rare words the knowledge lacks,
   * which tell against every answer: "isnt the nrf based in panjshir" scored well below the same question with
   * its apostrophe. Such a word is a function word with a contraction's ending, or a rare slip of one that
   * WordNet does not know. A word WordNet has ("well", "shell", "cant", "wont") is itself.
   */
  functionWordFor(word: string): string | undefined {
    if (STOP_WORDS.has(word) || !/^\p{L}+$/u.test(word)) return undefined;
    // WordNet is searched last: most words a question brings fail the cheaper tests first.
    const first = CLITICS.map((clitic) => contracted(word, clitic)).find((f) => f !== undefined);
    if (first !== undefined) return this.wordnet().isLemma(word) ? undefined : first;
    const count = this.english().count(word);
    if (count === 0 || count >= RARE_SLIP) return undefined;
    const slip = this.correctEveryday(word)?.word;
    if (slip === undefined || !STOP_WORDS.has(slip) || this.english().count(slip) < SLIP_RATIO * count) return undefined;
    return this.synsetsOf(word).length > 0 ? undefined : slip;
  }

  classes(word: string): ReadonlySet<string> {
    return memo(this.classCache, word, () => new Set(this.wordnet().lookup(word, ['n'], 2).map((s) => s.lexname)));
  }
}

let shared: EnglishAndWordNet | undefined;
/**
 * The lexicon engines share by default: it depends on no knowledge, so a reloaded engine (or the
 * hundred engines `npm run train` builds) keeps its memos and its everyday-typo index.
 */
export function sharedLexicon(): EnglishAndWordNet {
  shared ??= new EnglishAndWordNet();
  return shared;
}
