/**
 * `/centric template` in every language: Centric's own template passes its acceptance-criteria
 * check once filled in, keeps the persona as centric.yml spells it, and French elides "que".
 */
import { describe, expect, it } from 'vitest';
import { checkIssue } from '../../src/core/check-issue.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { LOCALES, type Locale } from '../../src/core/i18n/locales.js';
import { templateMessage } from '../../src/slack/views/template.js';

const text = (persona: string | null, locale: Locale, asked: string | null = null): string =>
  templateMessage(persona ? { name: persona, description: '' } as never : null, asked, locale).text as string;

const rules = (description: string): string[] =>
  (checkIssue({ key: 'SHOP-1', fields: { summary: 'Basket', description, issuetype: { name: 'Story' } } }, DEFAULT_CONFIG).report.findings ?? []).map((f) => f.rule);

describe('/centric template in each language', () => {
  it.each(LOCALES.map((l) => [l]))('%s: its acceptance criteria pass the acceptance-criteria check', (locale) => {
    expect(rules(text('Stammkundin', locale))).not.toContain('acceptance-criteria');
  });

  /** The criterion line filled in, without its heading (pasted into Jira's own acceptance-criteria field, or the heading dropped). */
  const filled = (locale: Locale): string => text('Stammkundin', locale).split('\n')[3]!.replace(/<[^>]*>/g, 'den Warenkorb');

  it.each(LOCALES.filter((l) => l !== 'de').map((l) => [l]))('%s: its Given/When/Then words are the vocabulary’s, so a filled-in criterion passes on its own', (locale) => {
    expect(rules(filled(locale))).not.toContain('acceptance-criteria');
  });

  // German Gherkin writes "Angenommen …" (or "Gegeben sei …"): the vocabulary takes both.
  it('de: "Angenommen …, wenn …, dann …" passes on its own', () => {
    expect(rules(filled('de'))).not.toContain('acceptance-criteria');
  });

  it('keeps the persona’s case outside English: "Als Stammkundin"; English reads "As a stammkundin" as it always did', () => {
    expect(text('Stammkundin', 'de').split('\n')[0]).toBe('Als Stammkundin möchte ich <was die Person tun will>, damit <was es ihr bringt>.');
    expect(text('Stammkundin', 'de').split('\n')[3]).toBe('- Angenommen <Situation>, wenn Stammkundin <etwas tut>, dann sieht die Person <Ergebnis>.');
    expect(text('Stammkundin', 'en').split('\n')[0]).toBe('As a stammkundin, I want <what they want to do>, so that <what it gets them>.');
  });

  it('French elides "que" before a vowel, as the findings do, and only there', () => {
    expect(text('Infirmière de nuit', 'fr').split('\n')[0]).toBe('En tant qu’Infirmière de nuit, je veux <ce que la personne veut faire>, afin de <ce que cela lui apporte>.');
    expect(text(null, 'fr', 'infirmière').split('\n')[0]).toMatch(/^En tant qu’infirmière, /);
    expect(text(null, 'fr', 'pharmacien').split('\n')[0]).toMatch(/^En tant que pharmacien, /);
  });
});
