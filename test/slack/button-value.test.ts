import fc from 'fast-check';
import { buttonValue, SLACK_LIMITS } from '../../src/slack/blocks';
import { readButtonValue } from '../../src/slack/listeners/actions/button-value';

/** What a listener gets back when the button is clicked. */
const clicked = (value: string) => readButtonValue({ actions: [{ value }], user: { id: 'U1' } });
const fitsWithId = (id: string) => JSON.stringify({ q: '', id }).length <= SLACK_LIMITS.buttonValue;

describe('buttonValue', () => {
  it('ends for a fact id too long to fit even without the question, and keeps the question', () => {
    const value = buttonValue({ q: 'Who leads the NRF?', id: 'x'.repeat(1995) });
    expect(value).toBe('{"q":"Who leads the NRF?"}');
  });

  it('for any question and id: at most 2,000 characters, readable by the listeners, question cut from the end', () => {
    const text = fc.oneof(fc.string({ unit: 'binary', maxLength: 3000 }), fc.string({ unit: 'grapheme', maxLength: 700 }), fc.constantFrom('"', '\\', '\u0000').chain((c) => fc.nat(2100).map((n) => c.repeat(n))));
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), (q, id) => {
        const value = buttonValue({ q, id });
        expect(value.length).toBeLessThanOrEqual(SLACK_LIMITS.buttonValue);
        const read = clicked(value);
        expect(read).toBeDefined();
        expect(q.startsWith(read!.q)).toBe(true);
        expect(read!.id).toBe(id !== undefined && fitsWithId(id) ? id : undefined);
      }),
      { numRuns: 500 },
    );
  });
});
