import { headerOf, packStrings, stringReader, unpackStrings } from '../../src/cache/packed';

describe('string tables', () => {
  it('round-trip ASCII, accented, 4-byte and empty strings, across decoding windows', () => {
    // ~3 MB: several 1 MB windows, some all ASCII and some not, and one string longer than a window.
    const strings = Array.from({ length: 30_000 }, (_, i) =>
      i % 7_001 === 0 ? `naïve café ${i} “quoted” 🇫🇷 𝄞` : i % 5 === 0 ? '' : `fact ${i}: ${'word '.repeat(i % 40)}`,
    );
    strings.push('x'.repeat(1_500_000), 'after the long one', 'ünïcödé at the end 😀');
    const { text, lengths } = packStrings(strings);
    expect(unpackStrings(text, lengths)).toEqual(strings);
  });

  it('throw when the lengths do not fit the text', () => {
    const { text, lengths } = packStrings(['one', 'two', 'three']);
    expect(() => unpackStrings(text, Int32Array.from([3, 3]))).toThrow(/does not match/);
    expect(() => unpackStrings(text, Int32Array.from([3, 3, 50]))).toThrow(/past its end/);
    expect(() => unpackStrings(text, Int32Array.from([3, -1, 3]))).toThrow(/past its end/);
    const reader = stringReader(text, lengths);
    expect([reader.next(), reader.left()]).toEqual(['one', 2]);
  });
});

describe('headerOf', () => {
  it('returns the header when every expected field matches, and refuses one written by another version', () => {
    const packed = { header: { format: 3, fingerprint: 'abc' }, sections: {} };
    expect(headerOf<{ fingerprint: string }>(packed, { format: 3 }, 'packed knowledge').fingerprint).toBe('abc');
    expect(() => headerOf(packed, { format: 4 }, 'packed knowledge')).toThrow('packed knowledge: written by another version');
    expect(() => headerOf({ header: {}, sections: {} }, { format: 3 }, 'packed index')).toThrow('packed index: written by another version');
  });
});
