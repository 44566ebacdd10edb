import { packStrings, stringReader, unpackStrings } from '../../src/cache/packed';

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
