import { describe, expect, it } from 'vitest';
import { wordCodes } from '../../src/core/compile.js';

/** The table's definition, one character at a time: its lower case when that is one character, 0 for what separates words. */
function expected(c: number): number {
  const lower = String.fromCharCode(c).toLowerCase();
  const code = lower.length === 1 ? lower.charCodeAt(0) : c;
  const isWord =
    code < 0xc0
      ? (code >= 97 && code <= 122) || (code >= 48 && code <= 57)
      : code !== 0xd7 && code !== 0xf7 && (code < 0x2000 || (code >= 0x2c00 && code < 0x2e00) || (code >= 0x3040 && code < 0xd800) || (code >= 0xf900 && code < 0xfff0));
  return isWord ? code : 0;
}

describe('the word table of the metric scan', () => {
  it('is, for every UTF-16 code unit, what lower-casing that character alone gives', () => {
    const table = wordCodes();
    const wrong = [];
    for (let c = 0; c < 65536; c++) if (table[c] !== expected(c)) wrong.push(c.toString(16));
    expect(wrong).toEqual([]);
    // Spot checks a reader can follow: capitals lower-cased, separators 0, "İ" (two characters in lower case) as itself.
    expect([table[0x41], table[0xc4], table[0x3a3], table[0x20], table[0x2d], table[0x130]]).toEqual([0x61, 0xe4, 0x3c3, 0, 0, 0x130]);
  });
});
