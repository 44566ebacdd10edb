import { describesName } from '../../src/engine/defines';

// Texts written for this test (after the forms the review of the definition check asked for), folded
// and in lower case as the engine passes them.
describe('a fact that says what a name is', () => {
  it.each([
    ['the subject, with a copula', 'philae was a lander of about 100 kilograms.', ['philae']],
    ['the subject, doing something', 'cosima and giada studied the dust grains.', ['cosima']],
    ['an apposition in a list', 'they included osiris, the main camera system; and miro.', ['osiris']],
    ['an apposition set off on both sides', 'the drill, sd2, was designed to collect samples.', ['sd2']],
    ['a clause on a person', 'massoud, who is the leader of the front, told reporters.', ['massoud']],
    ['an acronym after its expansion', 'built by a consortium led by the german aerospace center (dlr).', ['dlr']],
    ['a name with its acronym and place', 'in opposition: the national resistance front (nrf) of afghanistan, led by ahmad massoud.', ['national resistance front']],
    ['a name with an apostrophe', "the final landing region, ma'at, was named after a goddess.", ["ma'at"]],
    ['any of its forms', 'the european space operations centre (esoc) ran the mission.', ['european space operations centre', 'esoc']],
  ])('%s', (_case, text, forms) => {
    expect(describesName(text, forms)).toBe(true);
  });
});

describe('a fact that only mentions a name', () => {
  it.each([
    ['in passing', 'please join the hudson institute as it welcomes the speaker.', ['hudson', 'institute']],
    ['as a possessive', "massoud's father was assassinated days before the attacks.", ['massoud']],
    ['inside a compound', 'the anti-taliban front, led by massoud, holds the valley.', ['taliban']],
    ['inside a longer word', 'the councillors met in the old town.', ['council']],
    ['not at all', 'the interview was recorded in august.', ['atlantic', 'council']],
  ])('%s', (_case, text, forms) => {
    expect(describesName(text, forms)).toBe(false);
  });
});
