import { borrowedWordsFinder } from '../../src/curation/borrowed-words';

const fact = (id: string, text: string, questions: string[] = [], tags: string[] = []) => ({ id, text, questions, tags });

describe('a proposed phrasing that lends its fact words of other facts', () => {
  const facts = [
    fact('father-killed', 'His father, a commander, was killed by al-Qaeda days before 9/11.'),
    fact('forgive', 'Massoud said he was ready to forgive the blood of his father for peace.', ['Would Massoud forgive?']),
    fact('goals', 'The front fights for a democratic, decentralised Afghanistan.', [], ['strategy']),
    fact('fighters', 'The front claims thousands of armed fighters; commanders think it will grow.'),
  ];
  const borrowed = borrowedWordsFinder(facts);

  it('names each word its fact lacks and the facts that use it, once, in question order', () => {
    expect(borrowed("What did the late commander's son say about forgiving those who killed his father?", 'forgive')).toEqual([
      { word: 'commander', factIds: ['father-killed', 'fighters'] },
      { word: 'killed', factIds: ['father-killed'] },
    ]);
  });

  it('reads word families (commanders, thinks) and tags, and ignores stop words', () => {
    expect(borrowed('What do the commanders think of the strategy?', 'father-killed')).toEqual([
      { word: 'think', factIds: ['fighters'] },
      { word: 'strategy', factIds: ['goals'] },
    ]);
  });

  it('lists nothing when the words are the fact’s own or no fact uses them', () => {
    expect(borrowed('What does the NRF fight for: a decentralised, pluralist state?', 'goals')).toEqual([]);
    expect(borrowed('Would Massoud pardon the bloodshed?', 'forgive')).toEqual([]);
  });
});
