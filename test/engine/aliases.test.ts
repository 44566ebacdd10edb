import { tokenize } from '../../src/engine/analyse';
import { AliasMatcher } from '../../src/engine/aliases';

const matcher = new AliasMatcher([
  ['NRF', 'National Resistance Front', 'National Resistance Front of Afghanistan'],
  ['IS', 'Islamic State'],
  ['Massoud', 'Masood'],
  ['Ahmad Shah Massoud', 'Lion of Panjshir'],
]);
const terms = (text: string, all = false) => (all ? matcher.matchAll(tokenize(text)) : matcher.match(tokenize(text))).map((h) => h.term);

describe('AliasMatcher', () => {
  it('prefers the longest phrase and matches possessives and accents', () => {
    expect(terms("the National Resistance Front of Afghanistan's leader")).toEqual(['_a0']);
    expect(terms('Masóod said')).toEqual(['_a2']);
  });

  it('matches an acronym typed with a plural "s" for its possessive ("NRFs goals"), not other words ending in "s"', () => {
    expect(terms("the NRFs goals and the nrfs leader")).toEqual(['_a0', '_a0']);
    expect(terms('NRF NRFS nrfss')).toEqual(['_a0', '_a0']);
    expect(new AliasMatcher([['GP']]).match(tokenize('gps and GPs')).map((h) => h.term)).toEqual(['_a0', '_a0']);
    expect(new AliasMatcher([['UN']]).match(tokenize('the UNs and uns')).map((h) => h.term)).toEqual(['_a0', '_a0']);
    expect(new AliasMatcher([['Panjshir']]).match(tokenize('panjshirs')).map((h) => h.term)).toEqual(['_a0']);
    expect(new AliasMatcher([['BB']]).match(tokenize('bbs bs b')).map((h) => h.term)).toEqual(['_a0']);
  });

  it('matches short capitalised acronyms only in capitals', () => {
    expect(terms('IS fighters')).toEqual(['_a1']);
    expect(terms('where is it')).toEqual([]);
  });

  it('indexes nested names too, so "Massoud" finds "Ahmad Shah Massoud"', () => {
    expect(terms('Ahmad Shah Massoud')).toEqual(['_a3']);
    expect(terms('Ahmad Shah Massoud', true).sort()).toEqual(['_a2', '_a3']);
  });
});
