import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arrayElements, InputError, readIssueList, readIssues } from '../../src/cli/read-issues.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');
const pieces = (text: string): unknown[] | null => {
  const input = bytes(text);
  const spans = arrayElements(input);
  if (!spans) return null;
  const out: unknown[] = [];
  for (let i = 0; i < spans.length; i += 2) out.push(JSON.parse(input.toString('utf8', spans[i], spans[i + 1])));
  return out;
};
const tryParse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};
const tryPieces = (text: string): unknown[] | null | undefined => {
  try {
    return pieces(text);
  } catch {
    return undefined;
  }
};

describe('a JSON array read one element at a time', () => {
  it('finds exactly the elements JSON.parse finds, whatever they hold', () => {
    fc.assert(
      fc.property(fc.array(fc.jsonValue({ maxDepth: 3 }), { maxLength: 6 }), fc.constantFrom(0, 2), (array, indent) => {
        const text = `\n ${JSON.stringify(array, null, indent)} \n`;
        expect(pieces(text)).toEqual(JSON.parse(text));
      }),
      { numRuns: 500, seed: 20261130 },
    );
  });

  it('never accepts a document JSON.parse refuses (every piece parsed, separators checked)', () => {
    const damaged = fc.tuple(fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 4 }), fc.nat(), fc.constantFrom('', ',', ']', '[', '}', '"', '\\', ' x'), fc.boolean()).map(([array, at, insert, cut]) => {
      const text = JSON.stringify(array);
      const i = at % (text.length + 1);
      return cut ? text.slice(0, i) + text.slice(i + 1) : text.slice(0, i) + insert + text.slice(i);
    });
    fc.assert(
      fc.property(damaged, (text) => {
        const whole = tryParse(text);
        const split = tryPieces(text);
        // Either both read the same elements, or the split reading gave up (null or a throw) and the whole parse decides.
        if (split) expect(whole).toEqual(split);
      }),
      { numRuns: 3000, seed: 20261130 },
    );
  });

  it('reads strings holding brackets, commas, quotes and characters of several bytes', () => {
    expect(pieces('[ "a,]}", {"b":"\\"[,"}, ["ü→’", 1] , 2 ]')).toEqual(['a,]}', { b: '"[,' }, ['ü→’', 1], 2]);
    expect(pieces('[]')).toEqual([]);
    expect(pieces(' [ ] ')).toEqual([]);
    expect(pieces('{"issues": []}')).toBeNull();
    expect(pieces('[1] trailing')).toBeNull();
    expect(() => pieces('[1,]')).toThrow(SyntaxError);
  });
});

describe('readIssueList', () => {
  const issue = (key: string, type = 'Story') => ({ key, fields: { summary: `Summary of ${key} ü`, issuetype: { name: type } } });

  it('gives each issue of an array, parsed when asked, with its type known without parsing', () => {
    const list = readIssueList(bytes(JSON.stringify([issue('SHOP-1'), issue('SHOP-2', 'Epic')])), 'x.json');
    expect(list.length).toBe(2);
    expect(list.typeAt?.(1)).toBe('Epic');
    expect(list.at(0)).toEqual(issue('SHOP-1'));
    expect(list.at(1)).toEqual(issue('SHOP-2', 'Epic'));
    expect(list.at(2)).toBeUndefined();
  });

  it('reads other inputs (one issue, a search response, NDJSON) as readIssues does', () => {
    for (const text of [JSON.stringify(issue('SHOP-1')), JSON.stringify({ issues: [issue('SHOP-1'), issue('SHOP-2')] }), `${JSON.stringify(issue('SHOP-1'))}\n${JSON.stringify(issue('SHOP-2'))}\n`]) {
      expect(readIssueList(bytes(text), 'x.json')).toEqual(readIssues(text, 'x.json'));
    }
  });

  it('says what is wrong exactly as readIssues does, before any issue is linted', () => {
    const bad = JSON.stringify([issue('SHOP-1'), { key: 'SHOP-2', fields: { summary: 5 } }]);
    expect(() => readIssueList(bytes(bad), 'x.json')).toThrow(new InputError('x.json: issue 2 fields.summary: Invalid input: expected string, received number'));
    expect(() => readIssues(bad, 'x.json')).toThrow(new InputError('x.json: issue 2 fields.summary: Invalid input: expected string, received number'));
    const broken = `[${JSON.stringify(issue('SHOP-1'))}, {"key": ]`;
    expect(() => readIssueList(bytes(broken), 'x.json')).toThrow(/^x\.json: invalid JSON: /);
    expect(() => readIssueList(bytes('[1,]'), 'x.json')).toThrow(/^x\.json: invalid JSON: /);
  });

  it('names the file when an input is larger than a JavaScript string may be', () => {
    for (const text of [JSON.stringify([issue('SHOP-1')]), JSON.stringify(issue('SHOP-1'))]) {
      const input = bytes(text);
      // What Buffer#toString throws past about 512 MB, without allocating them here.
      input.toString = () => {
        throw Object.assign(new Error('Cannot create a string longer than 0x1fffffe8 characters'), { code: 'ERR_STRING_TOO_LONG' });
      };
      expect(() => readIssueList(input, 'huge.json')).toThrow(new InputError('huge.json: cannot be read (ERR_STRING_TOO_LONG)'));
    }
  });
});
