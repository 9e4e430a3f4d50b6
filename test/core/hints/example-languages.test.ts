import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { EXAMPLE_WORDS } from '../../../src/core/hints/default-domains-i18n.js';
import { metricExample, personaExample, type Domain } from '../../../src/core/hints/index.js';
import { LOCALES, type Locale } from '../../../src/core/i18n/locales.js';
import { lintIssue } from '../../../src/core/lint.js';
import type { RuleId } from '../../../src/core/types.js';
import { issue } from '../../helpers/issues.js';
import { finding } from '../../helpers/lint.js';
import { NURSE_STORIES } from '../../helpers/nurse-stories.js';

const OTHERS = LOCALES.filter((l): l is Exclude<Locale, 'en'> => l !== 'en');
const domains = Object.entries(DEFAULT_CONFIG.domains).map(([id, d]): Domain => ({ id, ...d }));
const hint = (description: string, rule: RuleId, locale: Locale): string | undefined =>
  lintIssue(issue(description), DEFAULT_CONFIG, { locale }).findings?.find((f) => f.rule === rule)?.hint;

describe('the hints\' examples in the findings\' language', () => {
  const cart = 'Als Nutzer möchte ich meinen Warenkorb speichern.';

  it('a German shop ticket gets a German persona and a German success line', () => {
    expect(hint(cart, 'specific-persona', 'de')).toBe('Wer genau ist mit „Nutzer“ gemeint? Sag es konkret, z. B. „Als Erstkäuferin am Handy …“.');
    expect(hint(cart, 'customer-metric', 'de')).toBe(
      'Ergänze eine Erfolgszeile mit einer Kundenkennzahl und einem Ziel, z. B. „Erfolg: Checkout-Conversion +3 % innerhalb von 6 Wochen nach dem Release“.',
    );
  });

  it('the same ticket read out in English keeps the English examples', () => {
    expect(hint(cart, 'specific-persona', 'en')).toContain('"As a first-time shopper on mobile, …"');
    expect(hint(cart, 'customer-metric', 'en')).toContain('"Success: checkout conversion +3% within 6 weeks of release"');
  });

  it('a Spanish ward ticket and a French accounting ticket get theirs', () => {
    const ward = 'Como usuario quiero ver los turnos de mi planta del hospital.';
    expect(hint(ward, 'specific-persona', 'es')).toContain('«Como enfermera del turno de noche en planta, …»');
    expect(hint(ward, 'customer-metric', 'es')).toContain('«Éxito: tiempo de espera de los pacientes por debajo de 15 minutos en los 3 meses siguientes a la puesta en marcha»');
    const books = 'En tant qu’utilisateur, je veux exporter les factures vers la comptabilité.';
    expect(hint(books, 'specific-persona', 'fr')).toContain('«\u00a0En tant que gérant de TPE qui tient lui-même sa comptabilité, …\u00a0»');
    expect(hint(books, 'customer-metric', 'fr')).toContain('«\u00a0Succès\u00a0: délai de traitement des factures sous 5 minutes dans les 2 mois suivant la mise en production\u00a0»');
  });

  it('writes decimals, units and a metric the ticket names as the language does', () => {
    const commerce = domains.find((d) => d.id === 'commerce')!;
    expect(metricExample(commerce, { text: 'product page load time', locale: 'de' })).toBe('Ladezeit der Produktseite unter 2,5 s innerhalb von 4 Wochen nach dem Release');
    expect(metricExample(commerce, { metricName: 'Abbruchquote', language: 'de', locale: 'de' })).toBe('Abbruchquote −2 Punkte innerhalb von 6 Wochen nach dem Release');
    expect(metricExample(commerce, { metricName: 'Kennzahl X', language: 'de', locale: 'de' })).toBe('Kennzahl X von <heute> auf <Ziel> innerhalb von 6 Wochen nach dem Release');
  });

  it('a team\'s own domain keeps its own words in every language', () => {
    const own: Domain = { id: 'field-service', keywords: {}, personas: ['technician on a roof'], metrics: [{ name: 'first-time fix rate', direction: 'up', unit: 'percent', change: 5, timeframe: 'by Q3' }] };
    expect(personaExample(own, { locale: 'de' })).toBe('technician on a roof');
    expect(metricExample(own, { locale: 'fr' })).toBe('first-time fix rate +5\u00a0% by Q3');
  });

  it.each(OTHERS)('every built-in persona, metric and time frame has a %s version', (locale) => {
    const words = EXAMPLE_WORDS[locale]!;
    for (const d of domains) {
      for (const p of d.personas) expect(words.personas[p], `${locale}: ${p}`).toBeTruthy();
      for (const m of d.metrics) {
        expect(words.metrics[m.name], `${locale}: ${m.name}`).toBeTruthy();
        expect(words.timeframes[m.timeframe], `${locale}: ${m.timeframe}`).toBeTruthy();
      }
    }
  });

  it.each(OTHERS)('every example of every built-in domain passes the %s customer-metric rule', (locale) => {
    for (const d of domains) {
      for (const metric of d.metrics) {
        const line = metricExample({ ...d, metrics: [metric] }, { locale });
        expect(finding('customer-metric', `${NURSE_STORIES[locale]}\n\n${line}`), line).toBeUndefined();
      }
    }
  });

  it.each(OTHERS)('a metric the ticket names gets a target the rule reads, in %s', (locale) => {
    const target = compile(DEFAULT_CONFIG).target;
    const names = ['churn', 'NPS', 'Abbruchquote', 'taux de conversion', 'tiempo de espera', 'tempo di caricamento', 'foutpercentage', 'taxa de abandono', 'Lieferzeit'];
    for (const d of domains) {
      for (const metricName of names) {
        const line = metricExample(d, { metricName, locale });
        expect(target.test(line), line).toBe(true);
      }
    }
  });
});
