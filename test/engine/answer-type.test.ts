import { tokenize } from '../../src/engine/analyse';
import { factTypes, questionType } from '../../src/engine/answer-type';
import { EnglishAndWordNet } from '../../src/engine/lexicon';

// Questions and sentences written for this test (in no bank).
const typeOf = (q: string) => questionType(tokenize(q));
const lexicon = new EnglishAndWordNet();

describe('the kind of answer a question asks for', () => {
  it.each([
    ['When was the NRF founded?', 'time'],
    ['when nrf founded', 'time'],
    ['Can you tell me when the interview was recorded?', 'time'],
    ['Where is the resistance based?', 'place'],
    ['Do you know who leads the NRF?', 'agent'],
    ['And who pays for it?', 'agent'],
    ['Is there anyone who backs the NRF?', 'agent'],
    ['How many provinces does the NRF operate in?', 'quantity'],
    ['How strong is the NRF?', 'quantity'],
    ['How long is the Panjshir Valley?', 'measure'],
    ['How far is Panjshir from Kabul?', 'measure'],
    ['How often does Massoud speak to the press?', 'measure'],
    ['How old is Ahmad Massoud?', 'age'],
  ])('%j asks for a %s', (q, type) => {
    expect(typeOf(q)).toBe(type);
  });

  it.each([
    'What did Massoud mean when he compared the Taliban with IS?',
    'When Massoud was in Vienna, what did he say about talks?',
    'I am curious, when it comes to women, what does the NRF promise?',
    'How did Massoud describe the militant who planned the bombing?',
    'Which instrument showed where the lander came to rest?',
  ])('a "when", "where" or "who" inside a clause does not set it: %j', (q) => {
    expect(typeOf(q)).toBeUndefined();
  });
});

describe('the kinds of answer a fact can give', () => {
  const kinds = (text: string, dated = false) => [...factTypes(text, lexicon, dated)];

  it('a length, distance, duration or rate needs a number with its unit, or a span of time', () => {
    expect(kinds('The valley is about 120 kilometres long.')).toContain('measure');
    expect(kinds('The comet goes round the Sun every 6.45 years.')).toContain('measure');
    expect(kinds('He was killed days before the attacks.')).toContain('measure');
    expect(kinds('The NRF controls the Panjshir Valley as of August 2021.')).not.toContain('measure');
    expect(kinds('The NRF is active in a dozen provinces.')).not.toContain('measure');
  });

  it('a number does not take its unit from the next sentence', () => {
    expect(kinds('The talks ended in 2021. Years of fighting followed.')).not.toContain('age');
    expect(kinds('It was recorded on August 11, 2021. Just weeks of fighting followed.')).not.toContain('measure');
    expect(kinds('It was recorded in 2021. It lasted 40 minutes.')).toContain('measure');
  });

  it('a place is a place word, a known place, or a name after "in", "at", "from", "based" …', () => {
    expect(kinds('The NRF is based in Panjshir.')).toContain('place');
    expect(kinds('In Vienna, the groups met.')).toContain('place');
    expect(kinds('The front operates across the country.')).toContain('place');
    // A common word after the preposition is not a place: "in opposition", "at launch", "in images".
    expect(kinds('He was willing to take up arms in opposition.')).not.toContain('place');
    expect(kinds('The orbiter weighed three tonnes at launch.')).not.toContain('place');
  });

  it('an age can be a number of years', () => {
    expect(kinds('The material is 4.6 billion years old.')).toContain('age');
    expect(kinds('The comet formed 4.6 billion years ago.')).toContain('age');
  });

  it('a fact from a dated source answers "when": the reply cites the date', () => {
    const text = 'Massoud said he was open to talks with the Taliban.';
    expect(kinds(text)).not.toContain('time');
    expect(kinds(text, true)).toContain('time');
  });
});
