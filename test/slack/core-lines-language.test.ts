import type { App } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { balanceText, buildDigest, QUESTIONS, type LintRecord } from '../../src/core/digest.js';
import type { Locale } from '../../src/core/i18n/locales.js';
import type { MetricPromise } from '../../src/core/metric/promise.js';
import { promiseText } from '../../src/core/outcome/promise-text.js';
import type { ReviewFact } from '../../src/core/outcome/stats.js';
import { formulaText, rankStories, type RankInput } from '../../src/core/rank.js';
import { renderDigestMarkdown } from '../../src/core/render/digest-markdown.js';
import { parseCommand } from '../../src/core/slash-command.js';
import type { Report } from '../../src/core/types.js';
import { registerCentricCommand } from '../../src/slack/listeners/commands/centric.js';
import { digestMessage, digestQuestions } from '../../src/slack/views/digest.js';
import { rankMessage } from '../../src/slack/views/rank.js';
import { reportMessage } from '../../src/slack/views/report.js';
import { capturedLogger } from '../helpers/quiet.js';

const WEEK = 7 * 86_400_000;
const END = Date.parse('2026-11-23T08:00:00Z');
const at = (weeksAgo: number, hours = 1) => END - weeksAgo * WEEK + hours * 3_600_000;
const browse = (key: string) => `https://acme.atlassian.net/browse/${key}`;
const link = (key: string) => `<${browse(key)}|${key}>`;
const rec = (key: string, score: number, weeksAgo: number, extra: Partial<LintRecord> = {}): LintRecord => ({ key, score, lintedAt: at(weeksAgo), role: 'night nurse', failedRules: [], ...extra });
const answered = (key: string, role: string | null, outcome: 'hit' | 'missed' | 'not-measured', when: number): ReviewFact => ({ key, role, status: 'answered', outcome, shippedAt: when - 4 * WEEK, answeredAt: when, remindedAt: null });
const waiting = (key: string, status: string, shippedAt: number, remindedAt: number | null = null): ReviewFact => ({ key, role: 'night nurse', status, outcome: null, shippedAt, answeredAt: null, remindedAt });

/** A digest with every line core words: whose benefit (against a target), outcomes, journey coverage (a quiet stage, a story in none), an epic. */
const DIGEST = buildDigest({
  end: END,
  periodMs: WEEK,
  facts: [],
  isGenericRole: () => false,
  readyStatuses: [],
  trendPeriods: 12,
  history: [
    rec('SHOP-2', 80, 1, { benefitKind: 'customer', journeyStage: 'Buy', epicKey: 'SHOP-1' }),
    rec('SHOP-3', 60, 1, { benefitKind: 'both', journeyStage: 'Buy', epicKey: 'SHOP-1', role: 'pharmacist' }),
    rec('SHOP-4', 40, 1, { benefitKind: 'business', journeyStage: null }),
    rec('SHOP-5', 90, 2, { benefitKind: 'business', journeyStage: 'Discover' }),
    rec('SHOP-6', 70, 6, { journeyStage: 'Receive' }),
  ],
  customerShareTarget: 0.75,
  journey: { stages: ['Discover', 'Buy', 'Receive'], quietPeriods: 4 },
  epics: [{ key: 'SHOP-1', persona: 'night nurse' }],
  reviews: [answered('SHOP-7', 'night nurse', 'hit', at(1)), answered('SHOP-8', 'pharmacist', 'missed', at(3)), answered('SHOP-10', null, 'not-measured', at(1)), waiting('SHOP-9', 'asked', at(8), at(2)), waiting('SHOP-11', 'scheduled', at(1))],
});

const digestIn = (locale: Locale) => digestMessage({ title: 'SHOP', digest: DIGEST, browse, late: false, questions: digestQuestions(QUESTIONS, locale), locale });
/** The section that starts with a bold label, as Slack gets it. */
const section = (message: ReturnType<typeof digestIn>, label: string) => message.blocks.find((b) => b.type === 'section' && String(b.text.text).startsWith(`*${label}`))?.text.text;

describe('the digest lines core words, in the channel’s language', () => {
  it('German: whose benefit, outcomes, journey coverage and epics, every number in its place', () => {
    const message = digestIn('de');
    const questions = message.blocks.find((b) => b.type === 'section' && String(b.text.text).startsWith('• Für wen'))!.text.text as string;
    expect(questions.split('\n').at(-1)).toBe('• Wessen Nutzen? Kunde 33\u00a0%, beide 33\u00a0%, Business 33\u00a0% von 3 Storys; Kundenanteil 67\u00a0% (+67 Pkt.) (Ziel ≥ 75\u00a0%: nicht erreicht)');
    expect(section(message, 'Ergebnisse:')).toBe(
      `*Ergebnisse:* 1 von 1 erreicht (100\u00a0%) diese Woche, 1 nicht gemessen; Trefferquote in 12 Wochen: 50\u00a0%; 1 überfällig: ${link('SHOP-9')}; 1 offen; wem wir geholfen haben: night nurse 1/1, pharmacist 0/1`,
    );
    expect(section(message, 'Abdeckung der Customer Journey')).toBe(
      [
        '*Abdeckung der Customer Journey*',
        '• Discover: 0 diese Woche, 1 in 12 Wochen, Punktzahl 90',
        '• Buy: 2 diese Woche, 2 in 12 Wochen, Punktzahl 70',
        '• Receive: 0 diese Woche, 1 in 12 Wochen, Punktzahl 70',
        '• Seit 4 Wochen keine Arbeit an Receive',
        '• 1 Story diese Woche ohne Phase',
      ].join('\n'),
    );
    expect(section(message, 'Epics')).toBe(`*Epics*\n• ${link('SHOP-1')}: 2 Storys, Durchschnitt 70, 1 von 2 für „night nurse“`);
    // The fallback text says the same, keys unlinked. (A no-break space before % in German.)
    expect(message.text.split('\n')).toContain('Ergebnisse: 1 von 1 erreicht (100\u00a0%) diese Woche, 1 nicht gemessen; Trefferquote in 12 Wochen: 50\u00a0%; 1 überfällig: SHOP-9; 1 offen; wem wir geholfen haben: night nurse 1/1, pharmacist 0/1');
    expect(message.text.split('\n')).toContain('Abdeckung der Customer Journey: Discover: 0 diese Woche, 1 in 12 Wochen, Punktzahl 90; Buy: 2 diese Woche, 2 in 12 Wochen, Punktzahl 70; Receive: 0 diese Woche, 1 in 12 Wochen, Punktzahl 70; Seit 4 Wochen keine Arbeit an Receive; 1 Story diese Woche ohne Phase');
  });

  it('spot checks: French and Spanish agree in number; English is as it was, in Slack and in markdown', () => {
    const french = digestIn('fr');
    expect(section(french, 'Résultats')).toBe(
      `*Résultats\u00a0:* 1 objectif atteint sur 1 (100\u00a0%) cette semaine, 1 non mesuré\u202f; taux de réussite sur les 12 dernières semaines\u00a0: 50\u00a0%\u202f; 1 en retard\u00a0: ${link('SHOP-9')}\u202f; 1 en attente\u202f; qui avons-nous aidé\u00a0: night nurse 1/1, pharmacist 0/1`,
    );
    expect(balanceText(DIGEST, 'es')).toBe('cliente 33\u00a0%, ambos 33\u00a0%, negocio 33\u00a0% de 3 historias; parte del cliente 67\u00a0% (+67 pts) (objetivo ≥ 75\u00a0%: no cumplido)');
    expect(section(digestIn('es'), 'Épicas')).toBe(`*Épicas*\n• ${link('SHOP-1')}: 2 historias, media 70, 1 de 2 para «night nurse»`);
    const english = digestIn('en');
    expect(section(english, 'Outcomes:')).toBe(`*Outcomes:* 1 of 1 hit (100%) this week, 1 not measured; hit rate over 12 weeks 50%; 1 overdue: ${link('SHOP-9')}; 1 pending; who did we help: night nurse 1/1, pharmacist 0/1`);
    expect(section(english, 'Journey coverage')).toContain('\n• No work for Receive in 4 weeks\n• 1 story this week in no stage');
    expect(renderDigestMarkdown(DIGEST, 'SHOP')).toContain('\n- SHOP-1: 2 stories, average 70, 1 of 2 for "night nurse"\n');
    expect(renderDigestMarkdown(DIGEST, 'SHOP')).toContain('**Whose benefit:** customer 33%, both 33%, business 33% of 3 stories; customer share 67% (+67 pts) (target ≥ 75%: not met)\n');
  });
});

const REPORT = {
  key: 'SHOP-12',
  score: 90,
  findings: [],
  journey: { stage: 'Kaufen', kpis: ['Checkout-Conversion', 'Warenkorbabbrüche'], metricInStage: false },
  metric: { name: 'Newsletter-Anmeldungen' },
} as unknown as Report;

describe('the journey stage line of a ticket report (/centric check)', () => {
  const context = (locale: Locale) => reportMessage(REPORT, 'Mit PayPal zahlen', browse('SHOP-12'), locale).blocks.find((b) => b.type === 'context')!.elements[0]!.text;

  it('is German for a German user, and English as before for an English one', () => {
    expect(context('de')).toBe('Journey-Phase: Kaufen (KPIs: Checkout-Conversion, Warenkorbabbrüche). Die Kennzahl „Newsletter-Anmeldungen“ gehört nicht dazu: Bewegt diese Story eine davon?');
    expect(context('en')).toBe('Journey stage: Kaufen (KPIs: Checkout-Conversion, Warenkorbabbrüche). The metric "Newsletter-Anmeldungen" is not one of them: does this story move one of them?');
  });

  it('spot check: Italian', () => {
    expect(context('it')).toMatch(/^Fase del customer journey: Kaufen \(KPI: /);
  });
});

const promise = (p: Partial<MetricPromise>): MetricPromise => ({ name: 'checkout conversion', direction: 'up', baseline: null, target: null, kind: 'level', relative: null, unit: '%', timeframe: 'within 6 weeks', period: null, ...p });

describe('a metric promise: the words around its numbers in the reader’s language', () => {
  it('German: "von … auf …", "auf …", the decimal comma; the metric and the timeframe as the ticket wrote them', () => {
    expect(promiseText(promise({ baseline: 2.1, target: 2.6 }), 'de')).toBe('checkout conversion von 2,1% auf 2,6% within 6 weeks');
    expect(promiseText(promise({ target: 40, unit: 'points', timeframe: null }), 'de')).toBe('checkout conversion auf 40 points');
    expect(promiseText(promise({ kind: 'change', target: 3.5 }), 'de')).toBe('checkout conversion +3,5% within 6 weeks');
    expect(promiseText(promise({ kind: 'relative', relative: 'halve', unit: null }), 'de')).toBe('checkout conversion halve within 6 weeks');
  });

  it('English as before; a spot check in Dutch', () => {
    expect(promiseText(promise({ baseline: 2.1, target: 2.6 }))).toBe('checkout conversion from 2.1% to 2.6% within 6 weeks');
    expect(promiseText(promise({ target: 1200, unit: 'ms' }))).toBe('checkout conversion to 1200 ms within 6 weeks');
    expect(promiseText(promise({ baseline: 2.1, target: 2.6 }), 'nl')).toBe('checkout conversion van 2,1% naar 2,6% within 6 weeks');
  });
});

const story = (key: string, benefit: number, cost: number, metric: MetricPromise | null = null): RankInput => ({ key, summary: `Story ${key}`, persona: 'night nurse', benefit, businessValue: null, cost, evidence: 1, metric, score: 80 });

describe('the ranking’s formula and promises (/centric rank), in the person’s language', () => {
  const ranking = rankStories([story('SHOP-1', 8, 2, promise({ baseline: 2.1, target: 2.6 })), story('SHOP-2', 3, 3)], DEFAULT_CONFIG.rank.weights);

  it('German: the formula with centric.yml’s weights, and the promise under the story', () => {
    const message = rankMessage({ project: 'SHOP', ranking, truncatedAt: null }, browse, 'de');
    expect(message.blocks[1]!.text.text).toBe(
      '*Formel:* Kundenpunktzahl = Nutzen × (1 + 0.25 × min(Belege, 4)) × (1 + 0.1 × min(weitere Storys für die Persona, 10)) ÷ Aufwand; Business = Business Value ÷ Aufwand\n_Höchste Kundenpunktzahl zuerst; bei Gleichstand: mehr Belege zuerst, dann die höhere Lint-Punktzahl, dann der Ticket-Schlüssel._',
    );
    expect(message.blocks[2]!.text.text).toContain('\n    Versprechen: checkout conversion von 2,1% auf 2,6% within 6 weeks');
  });

  it('writes the scores as the CLI’s ranking does in that language: a decimal comma in German, a point in English', () => {
    const story2 = (locale?: 'de') => rankMessage({ project: 'SHOP', ranking, truncatedAt: null }, browse, locale).blocks[3]!.text.text;
    const score = ranking.stories.find((s) => s.key === 'SHOP-2')!.customerScore!;
    expect(Number.isInteger(score)).toBe(false);
    expect(story2('de')).toContain(`*${String(score).replace('.', ',')}*`);
    expect(story2()).toContain(`*${score}*`);
  });

  it('English as before; a formula that is not the ranking’s own is shown as written; a spot check in Portuguese', () => {
    expect(ranking.formula).toBe('customer score = benefit × (1 + 0.25 × min(evidence, 4)) × (1 + 0.1 × min(other stories for the persona, 10)) ÷ cost; business = business value ÷ cost');
    expect(rankMessage({ project: 'SHOP', ranking, truncatedAt: null }, browse).blocks[1]!.text.text).toContain(`*Formula:* ${ranking.formula}\n`);
    expect(rankMessage({ project: 'SHOP', ranking: { ...ranking, formula: 'score = benefit' }, truncatedAt: null }, browse, 'de').blocks[1]!.text.text).toMatch(/^\*Formel:\* score = benefit\n/);
    expect(formulaText(DEFAULT_CONFIG.rank.weights, 'pt')).toBe('pontuação do cliente = benefício × (1 + 0.25 × min(evidências, 4)) × (1 + 0.1 × min(outras histórias para a persona, 10)) ÷ custo; negócio = valor de negócio ÷ custo');
  });
});

/** /centric on a stand-in Bolt app: what the ack answered a person whose Slack speaks `language`. */
async function typed(text: string, language: Locale | 'unknown'): Promise<string> {
  let handler: ((args: unknown) => Promise<void>) | undefined;
  const app = { command: (_name: string, h: typeof handler) => void (handler = h) } as unknown as App;
  const runCommand = async () => {
    throw new Error('a text that does not parse runs nothing');
  };
  const locale = async (): Promise<Locale> => (language === 'unknown' ? Promise.reject(new Error('users.info failed')) : language);
  registerCentricCommand(app, { runCommand, browse, logger: capturedLogger().logger, locale });
  let acked: { text: string } | undefined;
  await handler!({ command: { text, user_id: 'U1', channel_id: 'C1' }, ack: async (m: { text: string }) => void (acked = m), respond: async () => undefined });
  return acked!.text;
}

describe('/centric: what to type instead, in the person’s language', () => {
  it('German, for each kind of text it cannot read', () => {
    expect(parseCommand('check', 'de')).toEqual({ ok: false, error: 'Welches Ticket? Tipp `/centric check SHOP-123`.' });
    expect(parseCommand('check shop 12', 'de')).toEqual({ ok: false, error: '„shop 12“ ist kein Ticket-Schlüssel: Tipp `/centric check SHOP-123`.' });
    expect(parseCommand('rank', 'de')).toEqual({ ok: false, error: 'Welches Projekt? Nenn eins: `/centric rank SHOP`.' });
    expect(parseCommand('outcomes project = SHOP', 'de')).toEqual({ ok: false, error: '„project = SHOP“ ist kein Projektschlüssel: Tipp `/centric outcomes SHOP`.' });
    expect(parseCommand('subscribe SHOP monday 9am', 'de')).toEqual({ ok: false, error: '„9am“ ist keine Uhrzeit: Schreib sie als hh:mm, z. B. monday 09:00' });
    expect(parseCommand('mute forever', 'de')).toEqual({ ok: false, error: '„forever“ ist keine Anzahl von Tagen: Tipp `/centric mute 7` (1 bis 365).' });
    expect(parseCommand('link a b c', 'de')).toEqual({
      ok: false,
      error: '„a b c“ lässt sich nicht verknüpfen: Tipp `/centric link` (deine Slack-E-Mail), `/centric link SHOP-123` (ein Einmalcode, den du in einem Ticket kommentierst) oder, als Admin, `/centric link @jemand <Jira-Konto-ID>`.',
    });
    expect(parseCommand('rnak SHOP', 'de')).toEqual({ ok: false, error: '„rnak“ ist kein /centric-Befehl. Meintest du `/centric rank`? Mit `/centric help` siehst du alle.' });
    expect(parseCommand('xyzzy', 'de')).toEqual({ ok: false, error: '„xyzzy“ ist kein /centric-Befehl. Mit `/centric help` siehst du alle.' });
  });

  it('is the ack a German user gets; Spanish and English spot checks; English when Slack cannot say', async () => {
    expect(await typed('chek SHOP-1', 'de')).toBe('„chek“ ist kein /centric-Befehl. Meintest du `/centric check`? Mit `/centric help` siehst du alle.');
    expect(await typed('digest project = SHOP', 'es')).toBe('«project = SHOP» no es una clave de proyecto: escribe `/centric digest SHOP`, o `/centric digest` para todas las suscripciones de este canal.');
    expect(await typed('chek SHOP-1', 'en')).toBe('"chek" is not a /centric command. Did you mean `/centric check`? Type `/centric help` to see them all.');
    expect(await typed('chek SHOP-1', 'unknown')).toBe('"chek" is not a /centric command. Did you mean `/centric check`? Type `/centric help` to see them all.');
  });
});
