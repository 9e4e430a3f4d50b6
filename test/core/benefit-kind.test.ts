import { describe, expect, it } from 'vitest';
import { benefitKind, benefitOf, sameWord, type BenefitKind } from '../../src/core/benefit/benefit-kind.js';
import { compile, wordsOf } from '../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';

const { languages } = compile(DEFAULT_CONFIG);
const lang = (code: string) => languages.find((l) => l.code === code)!;

/** [language, role, benefit clause (after "so that"), whose benefit it is] */
const LABELLED: Array<[string, string, string, BenefitKind]> = [
  // English
  ['en', 'shopper', 'I can check out in under a minute', 'customer'],
  ['en', 'shopper', 'I do not have to type my address again', 'customer'],
  ['en', 'night-shift nurse', 'I see my next shift without calling the ward', 'customer'],
  ['en', 'shopper', 'I stop worrying whether my parcel arrives', 'customer'],
  ['en', 'small shop owner', 'I can reduce my costs', 'customer'],
  ['en', 'freelancer', 'my revenue is visible at a glance', 'customer'],
  ['en', 'shopper', 'our customers get their parcels faster', 'customer'],
  ['en', 'shopper', 'orders arrive on the day I chose', 'customer'],
  ['en', 'shopper', 'I can find the sales in my size', 'customer'],
  ['en', 'shopper', 'we increase revenue', 'business'],
  ['en', 'shopper', 'the company reduces costs', 'business'],
  ['en', 'shopper', 'marketing gets data about visitors', 'business'],
  ['en', 'shopper', 'we can upsell premium plans', 'business'],
  ['en', 'shopper', 'customers buy more', 'business'],
  ['en', 'shopper', 'the average order value goes up', 'business'],
  ['en', 'shopper', 'the business cuts costs and grows its margin', 'business'],
  ['en', 'shopper', 'sales can follow up on abandoned carts', 'business'],
  ['en', 'shopper', 'I check out faster and we sell more', 'both'],
  ['en', 'shopper', 'I find the right size, which lowers our return costs and increases revenue', 'both'],
  ['en', 'patient', 'I get my results sooner and the clinic reduces costs', 'both'],
  // German
  ['de', 'Pflegekraft', 'ich meinen Dienstplan ohne Anruf sehe', 'customer'],
  ['de', 'Kundin', 'ich mir keine Sorgen um meine Lieferung machen muss', 'customer'],
  ['de', 'Käufer', 'ich in einer Minute bezahlen kann', 'customer'],
  ['de', 'Händlerin', 'ich meinen Umsatz auf einen Blick sehe', 'customer'],
  ['de', 'Kunde', 'wir den Umsatz steigern', 'business'],
  ['de', 'Kunde', 'das Unternehmen Kosten senkt', 'business'],
  ['de', 'Kunde', 'wir mehr verkaufen', 'business'],
  ['de', 'Kunde', 'das Marketing bessere Daten bekommt', 'business'],
  ['de', 'Kunde', 'Kunden mehr kaufen', 'business'],
  ['de', 'Kunde', 'ich schneller bezahle und wir mehr verkaufen', 'both'],
  // Spanish
  ['es', 'comprador', 'pueda pagar en un minuto', 'customer'],
  ['es', 'paciente', 'no tenga que llamar para ver mis resultados', 'customer'],
  ['es', 'autónomo', 'vea mis ingresos de un vistazo', 'customer'],
  ['es', 'comprador', 'nosotros aumentemos los ingresos', 'business'],
  ['es', 'comprador', 'la empresa reduzca costes', 'business'],
  ['es', 'comprador', 'aumentar los ingresos', 'business'],
  ['es', 'comprador', 'los clientes compren más', 'business'],
  ['es', 'comprador', 'pague más rápido y la empresa venda más', 'both'],
  // French
  ['fr', 'acheteur', "je puisse payer en une minute", 'customer'],
  ['fr', 'infirmière', 'je voie mon planning sans appeler le service', 'customer'],
  ['fr', 'artisan', "je suive mon chiffre d'affaires", 'customer'],
  ['fr', 'acheteur', "nous augmentions le chiffre d'affaires", 'business'],
  ['fr', 'acheteur', "l'entreprise réduise les coûts", 'business'],
  ['fr', 'acheteur', "augmenter le chiffre d'affaires", 'business'],
  ['fr', 'acheteur', 'je paie plus vite et nous vendions plus', 'both'],
  // Italian
  ['it', 'acquirente', 'io possa pagare in un minuto', 'customer'],
  ['it', 'paziente', 'veda i miei esami senza telefonare', 'customer'],
  ['it', 'acquirente', "l'azienda riduca i costi", 'business'],
  ['it', 'acquirente', 'aumentare il fatturato', 'business'],
  ['it', 'acquirente', 'noi possiamo vendere di più', 'business'],
  ['it', 'acquirente', 'io paghi più in fretta e noi possiamo vendere di più', 'both'],
  // Dutch
  ['nl', 'klant', 'ik binnen een minuut kan afrekenen', 'customer'],
  ['nl', 'verpleegkundige', 'ik mijn rooster zie zonder te bellen', 'customer'],
  ['nl', 'klant', 'we de omzet verhogen', 'business'],
  ['nl', 'klant', 'het bedrijf de kosten verlaagt', 'business'],
  ['nl', 'klant', 'ik sneller afreken en wij meer verkopen', 'both'],
  // Portuguese
  ['pt', 'comprador', 'eu possa pagar em um minuto', 'customer'],
  ['pt', 'paciente', 'não precise ligar para ver meus exames', 'customer'],
  ['pt', 'comprador', 'a empresa reduza custos', 'business'],
  ['pt', 'comprador', 'nós possamos aumentar a receita', 'business'],
  ['pt', 'comprador', 'eu pague mais rápido e a loja venda mais', 'both'],
  ['pt', 'comprador', 'aumentar as vendas', 'business'],
];

describe('benefitKind', () => {
  it('has at least 60 labelled sentences in seven languages', () => {
    expect(LABELLED.length).toBeGreaterThanOrEqual(60);
    expect(new Set(LABELLED.map(([code]) => code)).size).toBe(7);
  });

  it.each(LABELLED)('%s (%s): "%s" is %s', (code, role, benefit, kind) => {
    expect(benefitKind(benefit, lang(code), wordsOf(role))).toBe(kind);
  });

  it('gets every kind right in every language', () => {
    const wrong = LABELLED.filter(([code, role, benefit, kind]) => benefitKind(benefit, lang(code), wordsOf(role)) !== kind);
    expect(wrong).toEqual([]);
  });
});

describe('sameWord', () => {
  it.each([
    ['sell', 'sells'], ['increase', 'increasing'], ['senken', 'senkt'], ['revenue', 'revenues'], ['augmenter', 'augmente'],
  ])('reads %s in %s', (vocab, word) => expect(sameWord(vocab, word)).toBe(true));

  it.each([['the', 'they'], ['we', 'well'], ['conversions', 'convert'], ['data', 'date']])('does not read %s in %s', (vocab, word) =>
    expect(sameWord(vocab, word)).toBe(false),
  );
});

describe('benefitOf', () => {
  it('is undefined for a story without a benefit, the kind otherwise', () => {
    expect(benefitOf(null, languages)).toBeUndefined();
    expect(benefitOf({ role: 'shopper', goal: 'pay', benefit: null, language: 'en' }, languages)).toBeUndefined();
    expect(benefitOf({ role: 'shopper', goal: 'pay', benefit: 'we sell more', language: 'en' }, languages)).toEqual({ kind: 'business' });
  });
});
