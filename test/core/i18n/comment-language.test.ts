/**
 * Centric's own words around the findings: the sticky Jira comment, the outcome comment and the
 * terminal's text report, in the findings' language. English stays as it was (test/core/render*).
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { lintIssue } from '../../../src/core/lint.js';
import type { OutcomeRecord } from '../../../src/core/outcome/outcome.js';
import { renderAdfComment, renderWikiComment } from '../../../src/core/render/jira-comment.js';
import { renderAdfOutcome, renderWikiOutcome } from '../../../src/core/render/outcome-comment.js';
import { renderText, summaryLine } from '../../../src/core/render/text.js';
import type { Report } from '../../../src/core/types.js';
import { CONVERSION } from '../../helpers/stored-reviews.js';

const OPTIONS = { rulesDocUrl: 'https://example.com/rules', exemptLabel: 'not-a-story' };

const german = lintIssue(
  { key: 'SHOP-1', fields: { summary: 'Bestellung', description: 'Als Kunde möchte ich meine Bestellung speichern.', issuetype: { name: 'Story' }, attachment: [], labels: [] } },
  DEFAULT_CONFIG,
);

/** The text of an ADF document, a paragraph a line. */
const adfText = (doc: Record<string, unknown>): string[] =>
  (doc.content as Array<{ content?: Array<{ text?: string; content?: unknown }> }>).map((block) => JSON.stringify(block).match(/"text":"((?:[^"\\]|\\.)*)"/g)!.map((m) => JSON.parse(m.slice(7))).join(''));

describe('the sticky comment in German', () => {
  it('on Data Center: title, "Tipp:" before each hint, the footer', () => {
    const wiki = renderWikiComment(german, { ...OPTIONS, locale: 'de' }).split('\n');
    expect(wiki[0]).toBe(`h3. Centric: ${german.score}/100, 2 Punkte offen`);
    expect(wiki).toContain('* (!) *[specific-persona|https://example.com/rules#specific-persona]*: „Kunde“ ist eine allgemeine Rolle, keine Persona.');
    expect(wiki.filter((l) => l.startsWith('** _Tipp: '))).toHaveLength(german.findings!.length);
    expect(wiki.at(-1)).toBe('_Centric aktualisiert diesen Kommentar, wenn sich das Ticket ändert. Keine User Story? Füge das Label not-a-story hinzu, dann lässt Centric das Ticket in Ruhe._');
  });

  it('on Cloud: the same words as text nodes', () => {
    const lines = adfText(renderAdfComment(german, { ...OPTIONS, locale: 'de' }));
    expect(lines[0]).toBe(`Centric: ${german.score}/100, 2 Punkte offen`);
    expect(lines.at(-1)).toBe('Centric aktualisiert diesen Kommentar, wenn sich das Ticket ändert. Keine User Story? Füge das Label not-a-story hinzu, dann lässt Centric das Ticket in Ruhe.');
  });

  it('a passing ticket: one suggestion or none, and the thanks', () => {
    const passing: Report = { key: 'SHOP-2', skipped: false, score: 100, findings: [] };
    expect(renderWikiComment(passing, { ...OPTIONS, locale: 'de' }).split('\n').slice(0, 3)).toEqual([
      'h3. Centric: 100/100, alle Prüfungen bestanden',
      '',
      // Escaped: "!" opens an image in wiki markup.
      'Dieses Ticket sagt, für wen es ist, was diese Person möchte, warum, woran wir merken, dass es funktioniert hat, und was sie sehen wird. Danke\\!',
    ]);
    const warned: Report = { ...passing, score: 85, findings: [{ rule: 'visual-evidence', severity: 'warn', message: 'm', hint: 'h' }] };
    expect(renderWikiComment(warned, { ...OPTIONS, locale: 'de' }).split('\n')[0]).toBe('h3. Centric: 85/100, bestanden, 1 Vorschlag');
    expect(renderWikiComment(warned, { ...OPTIONS, locale: 'es' }).split('\n')[0]).toBe('h3. Centric: 85/100, aprobado, 1 sugerencia');
    expect(renderWikiComment(warned, OPTIONS).split('\n')[0]).toBe('h3. Centric: 85/100, passes, 1 suggestion');
  });

  it('the journey line, its question included', () => {
    const outOfStage: Report = { key: 'SHOP-3', skipped: false, score: 90, findings: [], journey: { stage: 'Buy', kpis: ['checkout conversion rate'], metricInStage: false }, metric: { ...CONVERSION, name: 'sign-up rate' } };
    expect(renderWikiComment(outOfStage, { ...OPTIONS, locale: 'de' })).toContain('\n\nJourney-Phase: Buy (KPIs: checkout conversion rate). Die Kennzahl „sign-up rate“ gehört nicht dazu: Bewegt diese Story eine davon?\n');
  });

  it('is the same body for the same report: the comment is compared before it is written', () => {
    expect(renderAdfComment(german, { ...OPTIONS, locale: 'de' })).toEqual(renderAdfComment(structuredClone(german), { ...OPTIONS, locale: 'de' }));
  });
});

describe('the outcome comment in the ticket’s language', () => {
  const RECORD: OutcomeRecord = {
    ticketKey: 'SHOP-12',
    answer: 'hit',
    measured: '2.7%',
    note: 'Vor allem Stammkunden',
    promise: CONVERSION,
    shippedAt: Date.parse('2026-11-03T10:00:00Z'),
    answeredAt: Date.parse('2026-12-15T10:00:00Z'),
    answeredBy: { slackUserId: 'U1', name: 'Priya Nair', jiraAccountId: 'acc-priya' },
  };

  it('German on Cloud: answer, who and the day as German writes it', () => {
    expect(adfText(renderAdfOutcome(RECORD, 'de'))).toEqual(['Ergebnis: Ziel erreicht — checkout conversion 2.7% (gemeldet von Priya Nair über Slack, 15. Dez.)', 'Notiz: Vor allem Stammkunden']);
  });

  it('French on Data Center, without a measured value', () => {
    const wiki = renderWikiOutcome({ ...RECORD, answer: 'missed', measured: null, note: null }, 'fr');
    expect(wiki).toBe('*Résultat\u00a0:* objectif manqué — promis\u00a0: checkout conversion de 2,1% à 2,6% within 6 weeks (signalé par Priya Nair depuis Slack, le 15 déc.)');
  });
});

describe('the text report and its summary line', () => {
  it('"1 ticket" and "2 tickets", in English and in German', () => {
    const one = { tickets: 1, linted: 1, skipped: 0, passing: 0, averageScore: 40 };
    expect(summaryLine(one)).toBe('1 ticket: 1 linted, 0 skipped, 0 passing, average score 40');
    expect(summaryLine({ ...one, tickets: 2, skipped: 1 })).toBe('2 tickets: 1 linted, 1 skipped, 0 passing, average score 40');
    expect(summaryLine(one, 'de')).toBe('1 Ticket: 1 geprüft, 0 übersprungen, 0 bestanden, Durchschnitt 40 Punkte');
    expect(summaryLine({ ...one, tickets: 1200, linted: 1200, averageScore: null }, 'de')).toBe('1.200 Tickets: 1.200 geprüft, 0 übersprungen, 0 bestanden, keine Punktzahl');
  });

  it('German labels, the hints under their findings whatever the width of "Fehler" and "Hinweis"', () => {
    const text = renderText({ reports: [german], summary: { tickets: 1, linted: 1, skipped: 0, passing: 0, averageScore: german.score! } }, undefined, 'de').split('\n');
    expect(text[0]).toBe(`SHOP-1  ${german.score}/100  nicht bestanden`);
    expect(text[1]).toBe('  Story  kunde: meine Bestellung speichern');
    const persona = text.findIndex((l) => l.includes('specific-persona'));
    expect(text[persona]).toMatch(/^ {2}Hinweis {2}specific-persona +„Kunde“ ist eine allgemeine Rolle, keine Persona\.$/);
    expect(text[persona + 1]!.indexOf('→')).toBe(text[persona]!.indexOf('„Kunde“'));
    expect(text[text.findIndex((l) => l.includes('customer-value'))]).toMatch(/^ {2}Fehler {3}customer-value/);
  });
});
