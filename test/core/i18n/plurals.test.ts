import { describe, expect, it } from 'vitest';
import { catalogs as comment } from '../../../src/core/i18n/messages/comment/index.js';
import { catalogs as slack } from '../../../src/core/i18n/messages/slack/index.js';
import { translator } from '../../../src/core/i18n/translate.js';

/** "1 tickets" in any language: a count of one with a plural word after it. */
describe('a count of one agrees with its word, in every language', () => {
  it('the summary line', () => {
    const one = { tickets: 1, linted: 1, skipped: 1, passing: 1, average: '' };
    expect(translator(comment, 'fr')('text.summary', one)).toBe('1 ticket\u00a0: 1 vérifié, 1 ignoré, 1 réussi, ');
    expect(translator(comment, 'es')('text.summary', one)).toBe('1 ticket: 1 revisado, 1 omitido, 1 aprobado, ');
    expect(translator(comment, 'it')('text.summary', one)).toBe('1 ticket: 1 controllato, 1 saltato, 1 superato, ');
    expect(translator(comment, 'pt')('text.summary', one)).toBe('1 ticket: 1 verificado, 1 ignorado, 1 aprovado, ');
    expect(translator(comment, 'pt')('text.summary', { tickets: 0, linted: 0, skipped: 0, passing: 0, average: '' })).toBe('0 tickets: 0 verificados, 0 ignorados, 0 aprovados, ');
  });

  it('the outcome tally and the rank lines', () => {
    expect(translator(slack, 'fr')('outcomes.tallyNotMeasured', { rate: '50 %', hit: 1, missed: 1, notMeasured: 1 })).toBe('50 % (1 atteint, 1 manqué\u202f; 1 non mesuré)');
    expect(translator(slack, 'es')('outcomes.tally', { rate: '50 %', hit: 1, missed: 2 })).toBe('50 % (1 cumplido, 2 no cumplidos)');
    expect(translator(slack, 'pt')('outcomes.fallback', { project: 'SHOP', rate: '50 %', overdue: 1, pending: 0, answered: 2 })).toBe('Resultados de SHOP: taxa de acerto 50 %; 1 atrasada, 0 pendentes, 2 respondidas');
    expect(translator(slack, 'fr')('rank.moreRanked', { count: 1 })).toBe('1 autre classée');
    expect(translator(slack, 'it')('more', { count: 1 })).toBe('…e un altro');
    expect(translator(slack, 'it')('more', { count: 3 })).toBe('…e altri 3');
  });
});
