/**
 * Words that carry no topic on their own. Hand-kept rather than imported: question words
 * ("who", "when", "how") must stay visible to the cue logic, and a few short words are also
 * acronyms ("US", "IS"), which aliases may claim when written in capitals.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above after again against all am an and any are aren as at be because been before being below
  between both but by can cannot could couldn did didn do does doesn doing don down during each else ever
  every few for from further get gets got had hadn has hasn have haven having he her here hers herself him
  himself his how i if in into is isn it its itself just know let like ll me might more most much must my
  myself no nor not now of off on once only or other ought our ours ourselves out over own please re
  really s same say says shall she should shouldn so some such t tell than that the their theirs them
  themselves then there these they this those through to too under until up us ve very was wasn way we
  were weren what whats when where which while who whom whose why will with won would wouldn you your
  yours yourself yourselves anyone anything someone something thing things also kind sort lot lots
  tell me explain describe give show current currently try tries trying tried attempt attempting
  going able possible possibly need needs way ways anybody somebody somehow
  maybe perhaps`
    .split(/\s+/)
    .filter(Boolean),
);

/** Question words that hint at the kind of answer wanted; mapped to cue terms in the index. */
export const QUESTION_CUES: Readonly<Record<string, string>> = Object.freeze({
  when: 'when',
  where: 'where',
  who: 'who',
  whom: 'who',
  whose: 'who',
  many: 'howmany',
  much: 'howmany',
});
