import { psQuote } from '../../lib/hyperv/quote';

// Issue 19: every mutant of psQuote is killed (npm run mutation, area quoting).
describe('psQuote: the one PowerShell string-literal builder', () => {
  test.each([
    ["'", "''''"],
    ['\u2018', "'\u2018\u2018'"],
    ['\u2019', "'\u2019\u2019'"],
    ['\u201A', "'\u201A\u201A'"],
    ['\u201B', "'\u201B\u201B'"],
  ])('doubles the single-quote character %j on its own', (q, quoted) => {
    expect(psQuote(q)).toBe(quoted);
  });

  test('doubles every occurrence, not only the first, and leaves neighbours alone', () => {
    expect(psQuote("it's Bob's")).toBe("'it''s Bob''s'");
    expect(psQuote("''")).toBe("''''''");
    expect(psQuote("a\u2019\u2019b'")).toBe("'a\u2019\u2019\u2019\u2019b'''");
  });

  test('other characters pass through verbatim: no expansion inside a single-quoted literal', () => {
    for (const s of ['', 'a', '"', '\u201C\u201D', '$x', '$(Remove-VM x)', '`n', '\n', '\\', '日本語', "\u201A'"]) {
      const inner = s.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q);
      expect(psQuote(s)).toBe(`'${inner}'`);
    }
    expect(psQuote('')).toBe("''");
    expect(psQuote('abc')).toBe("'abc'");
    expect(psQuote('"x"')).toBe('\'"x"\'');
  });

  test('a non-string (a bug upstream, e.g. a number or undefined from JavaScript callers) is refused, not stringified', () => {
    for (const v of [undefined, null, 42, { toString: () => "x'; Remove-VM" }, ['a']]) {
      expect(() => psQuote(v as unknown as string)).toThrow(new TypeError('psQuote: value must be a string'));
    }
    expect(() => psQuote(42 as unknown as string)).toThrow(TypeError);
  });
});
