import { quotedSpeakers } from '../../src/engine/features';

// Texts written for this test, folded and in lower case as the engine passes them.
describe('who a fact quotes', () => {
  it.each([
    ['the minister said the talks would go on.', 'the minister'],
    ['"we will not give in," said the commander of the front.', 'the commander of the front'],
    ['karimi, who chairs the council of elders, told reporters the vote was fair.', 'karimi'],
    ["according to the ministry's statement, the road is open.", 'the ministry'],
    ['according to local officials, the road is open.', 'local officials'],
  ])('in %j: %j', (text, speaker) => {
    expect(quotedSpeakers(text)).toContain(speaker);
  });

  it.each([
    'the council meets every spring in the old town.',
    'the front, which was founded in 2021, controls the valley.',
    'the envoy arrived on monday and left on friday.',
  ])('nobody in %j', (text) => {
    expect(quotedSpeakers(text)).toEqual([]);
  });
});
