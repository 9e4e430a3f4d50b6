import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { metricMentions } from '../../../src/core/metric/mentions.js';
import { finding } from '../../helpers/lint.js';
import { NURSE_STORIES } from '../../helpers/nurse-stories.js';

const STORY = NURSE_STORIES;
const PERSONA: Record<string, string> = { en: 'night nurse', de: 'Pflegekraft', es: 'enfermera', fr: 'infirmière', it: 'infermiera', nl: 'verpleegkundige', pt: 'enfermeira' };
const metric = (lang: string, line: string) => finding('customer-metric', `${STORY[lang]}\n\n${line}`);
const noMetric = (lang: string) => `No customer metric: nothing says how we will know this worked for the ${PERSONA[lang]}.`;
const named = (name: string) => `Names a customer metric (${name}) but no target.`;

describe('customer metrics across languages', () => {
  it.each([
    // German compounds ending in -zeit, -rate, -quote, -anteil, -dauer, -zufriedenheit, and compound events.
    ['de', 'Erfolg: Reaktionszeit unter 2 Sekunden.'],
    ['de', 'Erfolg: Wartezeiten bis Q3 halbieren.'],
    ['de', 'Abbruchquote von 12 % auf 8 %.'],
    ['de', 'Wiederkaufrate verdoppeln.'],
    ['de', 'Mobilanteil mindestens 60 %.'],
    ['de', 'Verweildauer mindestens 3 Minuten.'],
    ['de', 'Patientenzufriedenheit über 90 %.'],
    ['de', 'Fehlgeschlagene Zahlungen unter 1 %.'],
    ['de', 'Zustellversuche ohne Empfänger halbieren sich bis Ende Q4.'],
    // Romance "taux de / tasa de / tasso di / taxa de / tempo (medio) di / tiempo de / temps de".
    ['fr', 'Taux de rebond sous 40 %.'],
    ['fr', "Taux d'abandon de moitié."],
    ['fr', 'Diviser par deux le temps de réponse.'],
    ['fr', 'Livraisons manquées : au moins 20 % de moins.'],
    ['es', 'Tasa de abandono por debajo del 30 %.'],
    ['es', 'Tiempo de espera al menos 20 % menos.'],
    ['es', 'Reducir a la mitad los pagos fallidos.'],
    ['es', 'Cancelaciones por cambio de nombre de 120 a 30 al mes.'],
    ['it', 'Tasso di abbandono sotto il 30%.'],
    ['it', 'Tempo medio di attesa: dimezzare entro giugno.'],
    ['it', 'Raddoppiare gli ordini ripetuti entro Q4.'],
    ['pt', 'Taxa de abandono abaixo de 30%.'],
    ['pt', 'Tempo de espera: reduzir pela metade.'],
    ['pt', 'Pagamentos falhados caírem para metade até dezembro.'],
    ['nl', 'Wachttijd halveren binnen 6 weken.'],
    ['nl', 'Conversiepercentage minstens 3 %.'],
    ['nl', 'Mislukte bezorgingen halveren voor eind Q3.'],
    ['nl', 'Gemiste aansluitingen op Schiphol onder 1 %.'],
    // Domain rates and shares: a counted customer event with an outcome word, "per", or a target.
    ['en', 'Missed deliveries under 2%.'],
    ['en', 'Failed payments below 1% by Q3.'],
    ['en', 'Tickets per order from 0.3 to 0.2.'],
    ['en', 'No-shows from 12% to 6%.'],
    ['en', 'Readmissions within 30 days from 9% to 7%.'],
    ['en', 'First-contact resolution at least 80%.'],
    ['en', 'Late doses on ward 7 halve within 6 weeks.'],
    ['en', 'We expect repeat orders to double among subscribers.'],
    ['en', 'Success: time to first login from 3.5 days to 1 day.'],
    ['en', 'Net Promoter Score ≥ 40.'],
  ])('%s passes: "%s"', (lang, line) => {
    expect(metric(lang, line)).toBeUndefined();
  });

  it.each([
    ['de', 'Die Wartezeit am Empfang ist zu lang.', 'wartezeit'],
    ['de', 'Verpasste Zustellungen ärgern alle.', 'verpasste zustellungen'],
    ['fr', 'Le taux de rebond est trop haut.', 'taux de rebond'],
    ['es', 'La tasa de abandono preocupa.', 'tasa de abandono'],
    ['it', 'Il tasso di abbandono preoccupa.', 'tasso di abbandono'],
    ['pt', 'A taxa de abandono preocupa.', 'taxa de abandono'],
    ['nl', 'De wachttijd is te lang.', 'wachttijd'],
    ['en', 'We want fewer missed deliveries.', 'missed deliveries'],
    ['en', 'Tickets per order are too many.', 'tickets per order'],
    ['en', 'The CES survey ships soon.', 'CES'],
  ])('%s names a metric without a target: "%s"', (lang, line, name) => {
    expect(metric(lang, line)).toMatchObject({ severity: 'warn', message: named(name) });
  });

  it.each([
    // Words that only look like metrics: leisure and wedding "-zeit", English "-rate" verbs, Dutch "altijd".
    ['de', 'In meiner Freizeit plane ich 3 Tage.'],
    ['de', 'Zur Hochzeit kommen 50 %.'],
    ['de', 'Die Uhrzeit steht oben, in Echtzeit.'],
    ['en', 'Generate 5% more reports and integrate 3 tools.'],
    ['en', 'The accurate list is 50% done.'],
    ['en', 'Show the orders list on 3 pages.'],
    ['en', 'Tasks completed by the nurse are shown in grey.'],
    ['nl', 'Ik kom altijd op tijd.'],
    ['nl', 'Tegelijkertijd 5 % meer schermen.'],
    // Short words equal to an acronym: French "ces", lower-case "nps".
    ['fr', 'Ces clients veulent 3 produits.'],
    ['en', 'nps 40 or more, snps and cesium.'],
    // Ordinals are no targets: "2.º de ESO" is a school year.
    ['es', 'Pedidos de 2.º de ESO en el calendario.'],
  ])('%s names no metric: "%s"', (lang, line) => {
    expect(metric(lang, line)).toMatchObject({ severity: 'error', message: noMetric(lang) });
  });

  it('matches acronyms in capitals only, and known long forms in any case', () => {
    const { metrics } = compile(DEFAULT_CONFIG);
    expect(metricMentions('ces clients, nps, Csat', metrics)).toEqual([]);
    expect(metricMentions('NPS and net promoter score', metrics).map((m) => m.metric)).toEqual(['NPS']);
    expect(metricMentions('Our net promoter score', metrics).map((m) => m.metric)).toEqual(['net promoter score']);
  });
});

describe('targets in every form', () => {
  const CONVERSION: Record<string, string> = { en: 'Checkout conversion', de: 'Konversionsrate', es: 'Tasa de conversión', fr: 'Taux de conversion', it: 'Tasso di conversione', nl: 'Conversiepercentage', pt: 'Taxa de conversão' };
  const forms: Record<string, string[]> = {
    en: ['halve', 'double', 'triple', 'cut by a third', 'by half', 'from 2% to 3%', '≥ 95%', '≤ 2 s', 'at least 3', 'no more than 4', 'under 5', '2,5 %', '2,5\u00a0%', '2,5\u202f%', '+3\u00a0pp'],
    de: ['halbieren', 'verdoppeln', 'um die Hälfte senken', 'auf ein Drittel senken', 'mindestens 3', 'höchstens 4', '2,5\u00a0%', '≥ 95 %'],
    es: ['reducir a la mitad', 'duplicar', 'al menos 3', 'como máximo 4', '2,5\u00a0%'],
    fr: ['diviser par deux', 'doubler', 'au moins 3', 'pas plus de 4', '2,5\u202f%'],
    it: ['dimezzare', 'raddoppiare', 'almeno 3', 'al massimo 4', '2,5\u00a0%'],
    nl: ['halveren', 'verdubbelen', 'minstens 3', 'niet meer dan 4', '2,5\u00a0%'],
    pt: ['reduzir pela metade', 'dobrar', 'pelo menos 3', 'no máximo 4', '2,5\u00a0%'],
  };
  for (const [lang, list] of Object.entries(forms)) {
    it.each(list)(`${lang}: "%s" is a target`, (form) => {
      expect(metric(lang, `${CONVERSION[lang]} ${form}.`)).toBeUndefined();
    });
  }

  it.each([
    ['en', 'Checkout conversion double-checked by 3 items.'],
    ['en', 'Checkout conversion shown on the 3rd step.'],
    ['de', 'Konversionsrate im Dashboard für 3 Artikel.'],
  ])('%s: a number that is no target stays none: "%s"', (lang, line) => {
    expect(metric(lang, line)?.severity).toBe('warn');
  });
});

describe('the metric scan on hostile input', () => {
  const cpuMs = (fn: () => void): number => {
    const start = process.cpuUsage();
    fn();
    const spent = process.cpuUsage(start);
    return (spent.user + spent.system) / 1000;
  };
  const { metrics } = compile(DEFAULT_CONFIG);

  it.each([
    ['bare events', 'orders '.repeat(10_000)],
    ['outcome words', 'missed '.repeat(10_000)],
    ['compounds', 'Wartezeiten '.repeat(8_000)],
    ['leads without completion', 'taux de '.repeat(10_000)],
    ['long words ending like a suffix', `${'x'.repeat(30_000)}zeit ${'y'.repeat(30_000)}orders`],
    ['joiner runs', `rate${' '.repeat(50_000)}time${"'".repeat(30_000)}`],
  ])('stays linear on %s', (_name, text) => {
    expect(Math.min(...[0, 1, 2].map(() => cpuMs(() => metricMentions(text, metrics))))).toBeLessThan(150);
  });
});
