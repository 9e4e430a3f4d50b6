import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { classifyMetric, detectDomain, metricExample, type Domain } from '../../../src/core/hints/index.js';
import { finding } from '../../helpers/lint.js';

const byId = (id: string): Domain => ({ id, ...DEFAULT_CONFIG.domains[id]! });
const example = (text: string, metricName?: string, language?: string): string =>
  metricExample(detectDomain(text, DEFAULT_CONFIG.domains), { text, metricName, language });

describe('metricExample: a metric of the ticket\'s domain', () => {
  it.each([
    ['a nurse\'s shift plan', 'As a night nurse, I want to see the shift plan of my ward.', 'shift handover time under 10 minutes within 6 weeks of go-live'],
    ['a tax adviser\'s export', "As a tax adviser, I want to export my clients' bookings so that I can file their returns.", 'export error rate under 1% within a quarter'],
    ['an internal admin tool', 'As a support agent, I want the admin panel to show the last cases.', 'average handling time under 4 minutes within 6 weeks of rollout'],
    ['a B2B dashboard', 'As a workspace admin, I want a dashboard of seat usage before the renewal.', 'dashboard load time under 3 s within 4 weeks of release'],
    ['a shop', 'As a returning shopper, I want to save my basket.', 'checkout conversion +3% within 6 weeks of release'],
    ['nothing clear', 'As a user, I want to rename a file.', 'task success rate +10% within 8 weeks of release'],
  ])('proposes a metric of the domain for %s, not checkout conversion', (_label, text, expected) => {
    expect(example(text)).toBe(expected);
  });

  it.each([
    ['health', 'Als Pflegekraft möchte ich den Dienstplan meiner Station sehen.'],
    ['health', 'Como enfermera quiero ver los turnos de mi planta.'],
    ['finance', 'En tant qu\'expert-comptable, je veux exporter les factures.'],
    ['finance', 'Come commercialista voglio esportare le fatture.'],
    ['internal-tools', 'Als supportmedewerker wil ik de beheeromgeving gebruiken.'],
    ['b2b-saas', 'Como gestor quero um painel de controle do meu espaço de trabalho.'],
  ])('picks the %s metric for a ticket in another language: "%s"', (id, text) => {
    expect(example(text)).toBe(metricExample(byId(id)));
    expect(example(text)).not.toContain('checkout');
  });

  it('picks the metric of the domain closest to the ticket', () => {
    expect(example('As a shopper, I want the product page to load faster on my phone.')).toBe('product page load time under 2.5 s within 4 weeks of release');
    expect(example('As a ward nurse, I want the shift handover on one screen.')).toBe('shift handover time under 10 minutes within 6 weeks of go-live');
  });

  it('every example of every built-in domain passes the customer-metric rule', () => {
    const story = 'As a night-shift nurse on a ward, I want to swap a shift so that my week is covered.';
    for (const [id, definition] of Object.entries(DEFAULT_CONFIG.domains)) {
      for (const metric of definition.metrics) {
        const line = metricExample({ id, ...definition, metrics: [metric] });
        expect(finding('customer-metric', `${story}\n\nSuccess: ${line}`), line).toBeUndefined();
      }
    }
  });
});

describe('metricExample: direction and unit', () => {
  const generic = byId('generic');

  it.each([
    ['churn', 'churn −2 points within 8 weeks of release'],
    ['cart abandonment', 'cart abandonment −2 points within 8 weeks of release'],
    ['bounce rate', 'bounce rate −2 points within 8 weeks of release'],
    ['error rate', 'error rate −2 points within 8 weeks of release'],
    ['load time', 'load time under 2.5 s within 8 weeks of release'],
    ['LCP', 'LCP under 2.5 s within 8 weeks of release'],
    ['wait time', 'wait time under 10 minutes within 8 weeks of release'],
    ['time to resolution', 'time to resolution −20% within 8 weeks of release'],
    ['missed deliveries', 'missed deliveries −20% within 8 weeks of release'],
    ['failed payments', 'failed payments −20% within 8 weeks of release'],
    ['support tickets', 'support tickets −20% within a quarter'],
  ])('lower is better: %s goes down', (name, expected) => {
    expect(metricExample(generic, { metricName: name, language: 'en' })).toBe(expected);
    expect(classifyMetric(name, 'en')?.direction).toBe('down');
  });

  it.each([
    ['NPS', 'NPS +10 points within 8 weeks of release'],
    ['net promoter score', 'net promoter score +10 points within 8 weeks of release'],
  ])('NPS moves in points, never in percent: %s', (name, expected) => {
    expect(metricExample(generic, { metricName: name })).toBe(expected);
    expect(classifyMetric(name)).toEqual({ metricClass: 'nps', direction: 'up', unit: 'points' });
  });

  it.each([
    ['checkout conversion', 'checkout conversion +5% within 8 weeks of release'],
    ['CSAT', 'CSAT +5% within 8 weeks of release'],
    ['retention', 'retention +5% within 8 weeks of release'],
    ['repeat orders', 'repeat orders +5% within 8 weeks of release'],
    ['on-time delivery rate', 'on-time delivery rate +5% within 8 weeks of release'],
    ['error-free orders', 'error-free orders +5% within 8 weeks of release'],
  ])('higher is better: %s goes up, in %', (name, expected) => {
    expect(metricExample(generic, { metricName: name })).toBe(expected);
  });

  it.each([
    ['de', 'Reaktionszeit', 'time'],
    ['de', 'Wartezeit', 'wait-time'],
    ['de', 'Ladezeit', 'fast-time'],
    ['de', 'Abbruchquote', 'bad-rate'],
    ['de', 'Fehlerquote', 'bad-rate'],
    ['de', 'Konversionsrate', 'good'],
    ['de', 'Zeitersparnis', 'good'],
    ['es', 'tiempo de espera', 'wait-time'],
    ['es', 'tiempo de carga', 'fast-time'],
    ['es', 'tasa de conversión', 'good'],
    ['es', 'tasa de abandono', 'bad-rate'],
    ['es', 'pagos fallidos', 'bad-count'],
    ['fr', 'taux de conversion', 'good'],
    ['fr', 'temps de chargement', 'fast-time'],
    ['fr', "taux d'abandon", 'bad-rate'],
    ['fr', 'délai de traitement', 'time'],
    ['it', 'tempo medio di attesa', 'wait-time'],
    ['it', 'tasso di conversione', 'good'],
    ['it', 'tasso di abbandono', 'bad-rate'],
    ['it', 'consegne mancate', 'bad-count'],
    ['nl', 'wachttijd', 'wait-time'],
    ['nl', 'laadtijd', 'fast-time'],
    ['nl', 'conversieratio', 'good'],
    ['nl', 'foutpercentage', 'bad-rate'],
    ['pt', 'tempo de carregamento', 'fast-time'],
    ['pt', 'taxa de conversão', 'good'],
    ['pt', 'taxa de abandono', 'bad-rate'],
    ['pt', 'tempo de espera', 'wait-time'],
    ['en', 'complaint handling time', 'time'],
  ])('classifies a metric named in %s: %s is %s', (language, name, metricClass) => {
    expect(classifyMetric(name, language)?.metricClass).toBe(metricClass);
  });

  it.each([
    ['de', 'Reaktionszeit', 'Als Pflegekraft möchte ich schneller auf Patientenrufe reagieren.', 'Reaktionszeit under 15 minutes within 3 months of go-live'],
    ['de', 'Wartezeit', 'Als Pflegekraft möchte ich die Aufnahme beschleunigen.', 'Wartezeit under 15 minutes within 3 months of go-live'],
    ['de', 'Abbruchquote', 'Als Käuferin möchte ich den Warenkorb speichern.', 'Abbruchquote −2 points within 6 weeks of release'],
    ['fr', 'taux de conversion', 'En tant qu\'acheteuse, je veux sauvegarder mon panier.', 'taux de conversion +3% within 6 weeks of release'],
    ['es', 'tiempo de espera', 'Como enfermera quiero ver los pacientes en espera.', 'tiempo de espera under 15 minutes within 3 months of go-live'],
    ['it', 'tempo medio di attesa', 'Come infermiera voglio vedere i pazienti in attesa.', 'tempo medio di attesa under 15 minutes within 3 months of go-live'],
    ['nl', 'foutpercentage', 'Als boekhouder wil ik facturen exporteren.', 'foutpercentage −2 points within 2 months of release'],
    ['pt', 'tempo de carregamento', 'Como compradora quero ver o carrinho.', 'tempo de carregamento under 2.5 s within 4 weeks of release'],
    ['de', 'Lieferzeit', 'Als Käufer möchte ich meine Bestellung verfolgen.', 'Lieferzeit −20% within 6 weeks of release'],
    ['en', 'error rate', 'As a tax adviser, I want to export invoices.', 'error rate under 1% within a quarter'],
    ['en', 'churn', 'As a nurse, I want to see my ward.', 'churn −2 points within 3 months of go-live'],
  ])('keeps the metric the ticket names (%s: %s), in the domain\'s scale', (language, name, text, expected) => {
    expect(example(text, name, language)).toBe(expected);
  });

  it('keeps the ticket\'s spelling of the metric, blanks collapsed', () => {
    expect(metricExample(generic, { metricName: '  Taux   de Conversion ' })).toBe('Taux de Conversion +5% within 8 weeks of release');
  });

  it('a metric whose words say neither direction nor unit gets a from/to template, not a guessed direction', () => {
    expect(metricExample(generic, { metricName: 'Kennzahl X' })).toBe('Kennzahl X from <today> to <target> within 8 weeks of release');
    expect(classifyMetric('Kennzahl X')).toBeNull();
  });

  it('every example line carries a target the customer-metric rule recognises', () => {
    const target = compile(DEFAULT_CONFIG).target;
    const names = ['churn', 'NPS', 'load time', 'wait time', 'Abbruchquote', 'taux de conversion', 'missed deliveries', 'Reaktionszeit', 'CSAT'];
    for (const d of Object.keys(DEFAULT_CONFIG.domains).map(byId)) {
      for (const metricName of names) {
        const line = metricExample(d, { metricName });
        expect(target.test(line), line).toBe(true);
      }
    }
  });

  it('renders every unit and a count with a plain minus the rule reads', () => {
    const make = (unit: Domain['metrics'][number]['unit'], change?: number, target?: number): string =>
      metricExample({ id: 'x', keywords: {}, personas: [], metrics: [{ name: 'm', direction: 'down', unit, change, target, timeframe: 'by Q3' }] });
    expect([make('percent', 5), make('points', 1), make('seconds', undefined, 2), make('minutes', undefined, 1), make('hours', 3), make('days', undefined, 2), make('count', 5), make('currency', 10)]).toEqual([
      'm −5% by Q3', 'm −1 point by Q3', 'm under 2 s by Q3', 'm under 1 minute by Q3', 'm −3 hours by Q3', 'm under 2 days by Q3', 'm -5 by Q3', 'm −10 € by Q3',
    ]);
    expect(compile(DEFAULT_CONFIG).target.test(make('count', 5))).toBe(true);
  });

  it('a domain without metrics borrows the generic ones', () => {
    expect(metricExample({ id: 'empty', keywords: {}, personas: [], metrics: [] })).toBe('task success rate +10% within 8 weeks of release');
  });
});
