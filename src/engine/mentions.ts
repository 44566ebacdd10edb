export const isWordChar = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}]/u.test(c);

export interface Mention {
  at: number;
  end: number;
  /** Inside a hyphenated compound ("anti-taliban"), not a word of its own. */
  inCompound: boolean;
}

/** Where `form` occurs in `text` as a whole word (not inside a longer one), in order. */
export function* mentions(text: string, form: string): Generator<Mention> {
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    const end = at + form.length;
    const before = text[at - 1];
    const after = text[end];
    if (isWordChar(before) || isWordChar(after)) continue;
    yield { at, end, inCompound: before === '-' || (after === '-' && isWordChar(text[end + 1])) };
  }
}
