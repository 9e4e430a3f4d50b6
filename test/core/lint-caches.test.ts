import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { compileKeywords, wordsOf } from '../../src/core/hints/keyword-matcher.js';
import { catalogs as slack } from '../../src/core/i18n/messages/slack/index.js';
import { translator, type Catalogs } from '../../src/core/i18n/translate.js';
import { lintIssues } from '../../src/core/lint.js';
import { jsonClosing, jsonReportPiece } from '../../src/core/render/json.js';

// The lint's hot path keeps small caches (issue 19): what they return must be what they would compute.

describe("a translator's kept results", () => {
  const catalog = { pair: '{a} then {b}', count: '{n, plural, one {# ticket} other {# tickets}}', plain: 'no values', single: '{a}!' };
  const catalogs = { en: catalog, de: catalog, es: catalog, fr: catalog, it: catalog, nl: catalog, pt: catalog } as Catalogs<typeof catalog>;

  it('tells values apart by their names, their types and their sign', () => {
    const t = translator(catalogs, 'en');
    const fresh = (key: keyof typeof catalog, values?: Record<string, string | number>) => String(new IntlMessageFormat(catalog[key], 'en', undefined, { ignoreTag: true }).format(values));
    expect(t('pair', { a: 'x', b: 'y' })).toBe('x then y');
    expect(t('pair', { b: 'x', a: 'y' })).toBe('y then x');
    expect(t('count', { n: 1 })).toBe('1 ticket');
    for (const n of [1, '1', 1000, '1000', 0, -0, 2.5, '2.5']) expect(t('count', { n })).toBe(fresh('count', { n }));
    expect(t('count', { n: -0 })).toBe('-0 tickets');
    expect(t('plain')).toBe('no values');
    // A value that spells out the key's separators is still one value.
    expect(t('single', { a: 'x', b: 'y' })).toBe('x!');
    expect(t('single', { a: 'x\u0000b\u00011:y' })).toBe('x\u0000b\u00011:y!');
  });

  it('gives the same results after more values than it keeps, and shares them between translators', () => {
    const t = translator(catalogs, 'en');
    for (let i = 0; i < 1_000; i++) expect(t('pair', { a: `a${i}`, b: i % 7 })).toBe(`a${i} then ${i % 7}`);
    expect(translator(catalogs, 'en')('pair', { a: 'a3', b: 3 })).toBe('a3 then 3');
    // A long value is formatted, not kept.
    const long = 'x'.repeat(500);
    expect(t('pair', { a: long, b: long })).toBe(`${long} then ${long}`);
  });

  it('keeps each language apart', () => {
    expect(translator(slack, 'it')('more', { count: 3 })).toBe('…e altri 3');
    expect(translator(slack, 'en')('more', { count: 3 })).toBe('…and 3 more');
  });
});

describe("a keyword matcher's known words", () => {
  it('finds the same hits after more distinct words than it keeps', () => {
    const matcher = compileKeywords([['nurse', 'health'], ['tax return', 'finance'], ['pflegekraft*', 'health'], ['*schicht', 'health']]);
    const hitsIn = (text: string) => {
      const hits: string[] = [];
      matcher.scan(wordsOf(text), ({ tag, keyword }, at) => hits.push(`${tag}:${keyword}@${at}`));
      return hits;
    };
    const expected = ['health:nurse@0', 'finance:tax return@1', 'health:pflegekraft*@4', 'health:*schicht@5'];
    expect(hitsIn('Nurses tax returns filler Pflegekraftmangel Nachtschicht')).toEqual(expected);
    for (let i = 0; i < 10_000; i++) hitsIn(`word${i} other${i}`);
    expect(hitsIn('Nurses tax returns filler Pflegekraftmangel Nachtschicht')).toEqual(expected);
    expect(hitsIn('nurse')).toEqual(['health:nurse@0']);
  });
});

describe('the JSON report pieces', () => {
  it('lay out the document exactly as JSON.stringify(result, null, 2)', () => {
    const issue = (key: string, description: string) => ({ key, fields: { summary: `Ticket ${key}\nsecond line`, description, issuetype: { name: 'Story' } } });
    const result = lintIssues([issue('SHOP-1', 'As a night nurse, I want to see my ward, so that I can plan my rounds.\n\n"quoted" \\ text'), issue('SHOP-2', 'As a user, I want "x".')], DEFAULT_CONFIG);
    const pieces = result.reports.map(jsonReportPiece).join('') + jsonClosing(result.summary, result.reports.length);
    expect(pieces).toBe(`${JSON.stringify(result, null, 2)}\n`);
  });
});
