/**
 * `--format markdown` in the CLI's language (`--lang`, else the environment's): Centric's own
 * words around the findings, which come in their own language; the escaping exactly as in English.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { lintIssues } from '../../../src/core/lint.js';
import { renderMarkdown } from '../../../src/core/render/markdown.js';
import { runCli } from '../../helpers/cli.js';
import { GOOD_AC, GOOD_DESIGN, GOOD_EVIDENCE, good, issue } from '../../helpers/issues.js';

const STORY = 'As a returning customer, I want to pay with PayPal at checkout, so that I can finish my purchase on my phone.';
const ISSUES = [
  issue(good(STORY, GOOD_AC, 'Success: newsletter sign-up rate +5% within a quarter.', GOOD_DESIGN, GOOD_EVIDENCE), {}, 'SHOP-1'),
  issue('Als Kunde möchte ich meinen Warenkorb speichern.', { summary: 'Warenkorb' }, 'SHOP-2'),
  issue('Crashes on start.', { issuetype: { name: 'Bug' } } as never, 'SHOP-3'),
];
const KPIS = 'checkout conversion rate, cart abandonment rate, payment failure rate';

describe('the Markdown report in the CLI’s language', () => {
  it('German: title, summary, table, labels, the journey line, "Tipp:" and the severities', () => {
    const lines = renderMarkdown(lintIssues(ISSUES, DEFAULT_CONFIG, 'de'), 'de').split('\n');
    expect(lines.slice(0, 20)).toEqual([
      '## Centric-Bericht',
      '',
      '3 Tickets: 2 geprüft, 1 übersprungen, 1 bestanden, Durchschnitt 63 Punkte',
      '',
      '| Ticket | Punktzahl | Ergebnis | Befunde |',
      '| --- | ---: | --- | ---: |',
      '| SHOP-1 | 100 | ✅ bestanden | 0 |',
      '| SHOP-2 | 26 | ❌ nicht bestanden | 6 |',
      '| SHOP-3 | – | übersprungen | 0 |',
      '',
      '### SHOP-1 — 100/100',
      '',
      'Story: returning customer: pay with PayPal at checkout → I can finish my purchase on my phone',
      '',
      `Journey-Phase: Buy (KPIs: ${KPIS}). Die Kennzahl „sign-up rate“ gehört nicht dazu: Bewegt diese Story eine davon?`,
      '',
      'Alle Prüfungen bestanden.',
      '',
      '### SHOP-2 — 26/100',
      '',
    ]);
    expect(lines).toContain('Story: kunde: meinen Warenkorb speichern');
    const findings = lines.filter((l) => l.startsWith('- '));
    expect(findings.map((l) => /\*\* \((\w+)\): /.exec(l)?.[1])).toEqual(['Fehler', 'Hinweis', 'Fehler', 'Hinweis', 'Hinweis', 'Hinweis']);
    const tips = lines.filter((l) => l.startsWith('  _'));
    expect(tips).toHaveLength(findings.length);
    expect(tips.every((l) => l.startsWith('  _Tipp:_ '))).toBe(true);
  });

  it('escapes the ticket’s text exactly as in English: only the label is German', () => {
    const odd = [issue('As a *night* nurse <b>|</b>, I want to [see](x) my ward, so that I can plan.', {}, 'SHOP-9')];
    const storyLine = (locale?: 'de') => renderMarkdown(lintIssues(odd, DEFAULT_CONFIG, locale), locale).split('\n').find((l) => l.startsWith('Story: '))!;
    expect(storyLine('de')).toBe(storyLine());
    expect(storyLine()).toBe('Story: night nurse \\<b\\>\\|\\</b\\>: \\[see\\](x) my ward → I can plan');
  });

  it('spot check: French, and English as it always was', () => {
    const french = renderMarkdown(lintIssues(ISSUES, DEFAULT_CONFIG, 'fr'), 'fr').split('\n');
    expect(french.slice(0, 5)).toEqual(['## Rapport Centric', '', '3 tickets\u00a0: 2 vérifiés, 1 ignoré, 1 réussi, score moyen 63', '', '| Ticket | Score | Résultat | Remarques |']);
    expect(french).toContain('Toutes les vérifications sont réussies.');
    // French typography: a no-break space before the colon, after the severity too.
    const severities = french.filter((l) => l.startsWith('- ')).map((l) => /\*\* (\(\w+\)\u00a0:) /.exec(l)?.[1]);
    expect(severities).toEqual(['(erreur)\u00a0:', '(alerte)\u00a0:', '(erreur)\u00a0:', '(alerte)\u00a0:', '(alerte)\u00a0:', '(alerte)\u00a0:']);
    const english = renderMarkdown(lintIssues(ISSUES, DEFAULT_CONFIG)).split('\n');
    expect(english.slice(0, 9)).toEqual([
      '## Centric report',
      '',
      '3 tickets: 2 linted, 1 skipped, 1 passing, average score 63',
      '',
      '| Ticket | Score | Result | Findings |',
      '| --- | ---: | --- | ---: |',
      '| SHOP-1 | 100 | ✅ passes | 0 |',
      '| SHOP-2 | 26 | ❌ fails | 6 |',
      '| SHOP-3 | – | skipped | 0 |',
    ]);
    expect(english).toContain('Every check passes.');
    const fixes = english.filter((l) => l.startsWith('  _'));
    expect(fixes).toHaveLength(6);
    expect(fixes.every((l) => l.startsWith('  _Fix:_ '))).toBe(true);
  });

  it('is what `centric lint --format markdown --lang de` prints', async () => {
    const run = await runCli(['lint', '--format', 'markdown', '--lang', 'de'], JSON.stringify(ISSUES[1]));
    expect(run.code).toBe(1);
    expect(run.stdout.split('\n').slice(0, 8)).toEqual([
      '## Centric-Bericht',
      '',
      '1 Ticket: 1 geprüft, 0 übersprungen, 0 bestanden, Durchschnitt 26 Punkte',
      '',
      '| Ticket | Punktzahl | Ergebnis | Befunde |',
      '| --- | ---: | --- | ---: |',
      '| SHOP-2 | 26 | ❌ nicht bestanden | 6 |',
      '',
    ]);
  });
});
