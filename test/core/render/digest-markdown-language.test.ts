/**
 * `centric digest` in the CLI's language: Centric's words around the digest's lines (the question
 * labels, rankings and labels from the same catalog as the Slack digest's), numbers and
 * percentages as the language writes them, plurals at 1, the escaping exactly as in English.
 */
import { describe, expect, it } from 'vitest';
import type { Digest } from '../../../src/core/digest.js';
import { renderDigestMarkdown } from '../../../src/core/render/digest-markdown.js';

const tally = { hit: 1, missed: 0, notMeasured: 0, hitRate: 1 };
/** One ticket this period, two before: every section of the digest, a plural at 1 in each. */
const DIGEST: Digest = {
  period: { start: 0, tickets: 1, score: 70, shares: { who: 1, what: 1, why: 1, how: 0, see: null, done: 1 }, hitRate: 1, evidence: 1, benefit: { customer: 1, business: 0, both: 0, stories: 1 } },
  previous: { start: 0, tickets: 2, score: 40, shares: { who: 0.5, what: 1, why: 0, how: 0, see: null, done: 1 }, hitRate: null, evidence: 0.5, benefit: { customer: 0, business: 1, both: 0, stories: 1 } },
  personas: [{ role: 'night_nurse', count: 1 }],
  genericShare: 0,
  bangForBuck: [{ key: 'SHOP-1', benefit: 8, cost: 2, ratio: 4 }],
  mostImproved: [{ key: 'SHOP-1', from: 40, to: 70 }],
  needsAttention: [{ key: 'SHOP-2', score: 35, owner: null }],
  trend: [],
  outcomes: { period: tally, trend: [{ ...tally, start: 0 }], overall: tally, overdue: ['SHOP-3'], pending: 1, personas: [{ ...tally, role: 'night_nurse' }] },
  journey: { stages: [{ stage: 'Buy', period: 1, trend: [1], total: 1, score: 70, trendScore: 70, quiet: false }], quietPeriods: 4, unassigned: 0 },
  epics: [{ key: 'SHOP-9', stories: 1, averageScore: 70, persona: null, forPersona: 0 }],
};

describe('the digest as Markdown in the CLI’s language', () => {
  it('English: as it always was, but "over 1 ticket" in the singular', () => {
    expect(renderDigestMarkdown(DIGEST, 'SHOP*', 1500)).toBe(renderDigestMarkdown(DIGEST, 'SHOP*', 1500, 'en'));
    expect(renderDigestMarkdown(DIGEST, 'SHOP*', 1500).split('\n').slice(0, 6)).toEqual([
      '## Customer-centricity digest: SHOP\\*',
      '',
      '> **Note:** Based on the first 1,500 issues of this scope only (the most one digest reads): narrow the scope for a complete digest.',
      '',
      '**Score: 70/100** ▲30 over 1 ticket (previous period: 40)',
      '',
    ]);
  });

  it('German: every word, the percentages ("100 %"), the thousands ("1.500") and "1 Ticket"', () => {
    expect(renderDigestMarkdown(DIGEST, 'SHOP*', 1500, 'de')).toBe(
      [
        '## Kundenorientierung im Überblick: SHOP\\*',
        '',
        '> **Hinweis:** Nur auf Basis der ersten 1.500 Tickets in diesem Bereich (mehr liest ein Überblick nicht): Grenz den Bereich ein, um alles zu sehen.',
        '',
        '**Punktzahl: 70/100** ▲30 über 1 Ticket (vorheriger Zeitraum: 40)',
        '',
        '| Frage | Anteil | Veränderung |',
        '| --- | ---: | ---: |',
        '| Für wen ist es? (eine konkrete Persona) | 100 % | ▲50 Pkt. |',
        '| Was will die Person? (eine Story) | 100 % | = |',
        '| Warum? (ein Nutzen) | 100 % | ▲100 Pkt. |',
        '| Woran merken wir es? (eine Kennzahl mit Ziel) | 0 % | = |',
        '| Was wird man sehen? (Visuals) | – |  |',
        '| Wann ist es fertig? (Akzeptanzkriterien) | 100 % | = |',
        '',
        '**Kundenbelege:** 100 % der Tickets zeigen, woher der Bedarf kommt ▲50 Pkt.',
        '',
        '**Wessen Nutzen?** Kunde 100 %, beide 0 %, Business 0 % von 1 Story; Kundenanteil 100 % (+100 Pkt.)',
        '',
        '**Für wen wir gebaut haben:** night\\_nurse (1); 0 % mit einer allgemeinen Rolle',
        '',
        '**Größte Wirkung pro Aufwand**',
        '- SHOP-1: Nutzen 8 / Aufwand 2',
        '',
        '**Am stärksten verbessert**',
        '- SHOP-1: 40 → 70',
        '',
        '**Braucht Aufmerksamkeit**',
        '- SHOP-2: 35/100',
        '',
        '**Ergebnisse:** 1 von 1 erreicht (100 %) in diesem Zeitraum; Trefferquote in 1 Zeitraum: 100 %; 1 überfällig: SHOP-3; 1 offen; wem wir geholfen haben: night\\_nurse 1/1',
        '',
        '**Abdeckung der Customer Journey**',
        '- Buy: 1 in diesem Zeitraum, 1 in 1 Zeitraum, Punktzahl 70',
        '',
        '**Epics**',
        '- SHOP-9: 1 Story, Durchschnitt 70',
        '',
        '',
      ]
        .join('\n')
        // Intl writes the German percent sign after a no-break space.
        .replace(/ %/g, '\u00a0%'),
    );
  });

  it('French and Portuguese: their labels, typography and singulars', () => {
    const fr = renderDigestMarkdown(DIGEST, 'SHOP', undefined, 'fr').split('\n');
    expect(fr[0]).toBe('## Bilan orientation client\u00a0: SHOP');
    expect(fr).toContain('**Score\u00a0: 70/100** ▲30 sur 1 ticket (période précédente\u00a0: 40)');
    expect(fr).toContain('| Question | Part | Évolution |');
    expect(fr).toContain('| Pour qui\u202f? (une persona précise) | 100\u00a0% | ▲50 pts |');
    expect(fr).toContain('**Preuves clients\u00a0:** 100\u00a0% des tickets montrent d’où vient le besoin ▲50 pts');
    expect(fr).toContain('**À surveiller**');
    const pt = renderDigestMarkdown(DIGEST, 'SHOP', undefined, 'pt').split('\n');
    expect(pt[0]).toBe('## Resumo do foco no cliente: SHOP');
    expect(pt).toContain('**Pontuação: 70/100** ▲30 em 1 ticket (período anterior: 40)');
    expect(pt).toContain('| Pergunta | Percentual | Variação |');
    expect(pt).toContain('**Para quem construímos:** night\\_nurse (1); 0% com um papel genérico');
    expect(pt).toContain('- SHOP-9: 1 história, média 70');
    const many = { ...DIGEST, period: { ...DIGEST.period, tickets: 2 } };
    expect(renderDigestMarkdown(many, 'SHOP', undefined, 'pt')).toContain('▲30 em 2 tickets (período anterior: 40)');
    expect(renderDigestMarkdown(many, 'SHOP', undefined, 'fr')).toContain('▲30 sur 2 tickets (période précédente\u00a0: 40)');
  });

  it('says a quiet period in the language', () => {
    const quiet = { ...DIGEST, period: { ...DIGEST.period, tickets: 0, score: null } };
    expect(renderDigestMarkdown(quiet, 'SHOP', undefined, 'de').split('\n')[2]).toBe('In diesem Zeitraum hat sich kein Ticket geändert.');
    expect(renderDigestMarkdown(quiet, 'SHOP').split('\n')[2]).toBe('No ticket changed in this period.');
  });
});
