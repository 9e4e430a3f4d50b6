/**
 * `--lang` of `centric lint` and `centric audit`: the findings' language; without it the
 * environment's locale when Centric speaks it, else each ticket's own.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const issue = (key: string, description: string) => ({ key, fields: { summary: 'Warenkorb', description, issuetype: { name: 'Story' }, attachment: [], labels: [] } });
const GERMAN = JSON.stringify(issue('SHOP-1', 'Als Kunde möchte ich meinen Warenkorb speichern.'));
const ENGLISH = JSON.stringify(issue('SHOP-2', 'As a user, I want to save my basket.'));

describe('centric lint --lang', () => {
  it('--lang fr writes a German ticket’s findings and the report’s own words in French', async () => {
    const run = await runCli(['lint', '--lang', 'fr'], GERMAN);
    expect(run.code).toBe(1);
    const lines = run.stdout.split('\n');
    expect(lines[0]).toMatch(/^SHOP-1 {2}\d+\/100 {2}échoué$/);
    expect(lines).toContain('  alerte  specific-persona     «\u00a0Kunde\u00a0» est un rôle générique, pas une persona.');
    expect(lines).toContain('  erreur  customer-value       La story dit qui (Kunde) et quoi, mais pas pourquoi\u00a0: il manque le bénéfice «\u00a0afin de…\u00a0».');
    expect(lines.at(-2)).toMatch(/^1 ticket\u00a0: 1 vérifié, 0 ignoré, 0 réussi, score moyen \d+$/);
  });

  it('takes a locale as a shell writes it, and writes JSON findings in it too', async () => {
    const run = await runCli(['lint', '--format', 'json', '--lang', 'es_ES.UTF-8'], GERMAN);
    const persona = JSON.parse(run.stdout).reports[0].findings.find((f: { rule: string }) => f.rule === 'specific-persona');
    expect(persona.message).toBe('«Kunde» es un rol genérico, no una persona concreta.');
  });

  it('an unknown --lang is a usage error that names the seven languages', async () => {
    const run = await runCli(['lint', '--lang', 'xx'], GERMAN);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.split('\n')[0]).toBe('centric: --lang must be one of en, de, es, fr, it, nl, pt, not "xx"');
    expect(run.stderr).toContain('Usage:\n  centric lint [FILE…] [--format text|json|markdown] [--lang en|de|es|fr|it|nl|pt]');
  });

  it('without --lang, the environment’s locale: LC_ALL, then LC_MESSAGES, then LANG', async () => {
    const german = await runCli(['lint'], ENGLISH, { LANG: 'de_DE.UTF-8' });
    expect(german.stdout).toContain('„user“ ist eine allgemeine Rolle, keine Persona.');
    expect(german.stdout.trimEnd().split('\n').at(-1)).toMatch(/^1 Ticket: 1 geprüft/);
    const italian = await runCli(['lint'], ENGLISH, { LANG: 'de_DE.UTF-8', LC_MESSAGES: 'it_IT.UTF-8' });
    expect(italian.stdout).toContain('«user» è un ruolo generico, non una persona.');
    const english = await runCli(['lint'], GERMAN, { LC_ALL: 'en_GB.UTF-8', LANG: 'de_DE.UTF-8' });
    expect(english.stdout).toContain('"Kunde" is a generic role, not a persona.');
  });

  it('an environment in no language of the seven ("C", Japanese, none) leaves each ticket its own', async () => {
    for (const env of [{}, { LANG: 'C.UTF-8' }, { LC_ALL: 'ja_JP.UTF-8', LANG: 'en_US.UTF-8' }]) {
      const run = await runCli(['lint'], `${GERMAN}\n${ENGLISH}\n`, env);
      expect(run.stdout).toContain('„Kunde“ ist eine allgemeine Rolle, keine Persona.');
      expect(run.stdout).toContain('"user" is a generic role, not a persona.');
      // The report's own words are English then.
      expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^2 tickets: 2 linted/);
    }
  });

  it('centric help lint names --lang', async () => {
    const run = await runCli(['help', 'lint']);
    expect(run.stdout).toContain('--lang: the findings\' language; default the environment\'s (LC_ALL, LC_MESSAGES, LANG) when');
  });
});

describe('centric audit --lang', () => {
  it('an unknown --lang is a usage error before Jira is asked anything', async () => {
    const run = await runCli(['audit', '--project', 'SHOP', '--lang', 'klingon'], '', {});
    expect(run).toEqual({ code: 2, stdout: '', stderr: 'centric: --lang must be one of en, de, es, fr, it, nl, pt, not "klingon"\n' });
  });
});
