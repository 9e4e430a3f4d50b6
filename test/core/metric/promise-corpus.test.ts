import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { readMetricPromise, type MetricPeriod, type MetricPromise } from '../../../src/core/metric/promise.js';

/**
 * Product-ticket metric sentences in the seven built-in languages, each read into its whole
 * promise: levels ("from X to Y"), signed changes ("+3%", "−20 %"), changes by a word ("by 20%",
 * "um 15 %", "de 15 %"), comparators ("≥ 95%", "au moins"), relative targets ("halve",
 * "verdoppeln", "dimezzare"), timeframes in digits or words, dates, and no timeframe at all.
 */
const compiled = compile(DEFAULT_CONFIG);

const per = (count: number, unit: MetricPeriod['unit']): MetricPeriod => ({ count, unit });

/** What a row leaves out was not said: null. */
type Expected = Pick<MetricPromise, 'name'> & Partial<MetricPromise>;
const NOTHING: Omit<MetricPromise, 'name'> = {
  direction: null, baseline: null, target: null, kind: null, relative: null, unit: null, timeframe: null, period: null,
};

const CORPUS: Record<string, Array<[string, Expected]>> = {
  en: [
    ['Checkout conversion from 2.1% to 2.6% within one quarter.', { name: 'checkout conversion', direction: 'up', baseline: 2.1, target: 2.6, kind: 'level', unit: '%', timeframe: 'within one quarter', period: per(1, 'quarter') }],
    ['Raise NPS from 32 to 40 in two quarters.', { name: 'NPS', direction: 'up', baseline: 32, target: 40, kind: 'level', timeframe: 'in two quarters', period: per(2, 'quarter') }],
    ['CSAT for delivery chats from 4.1/5 to 4.5/5 within a month.', { name: 'CSAT', direction: 'up', baseline: 4.1, target: 4.5, kind: 'level', unit: '/5', timeframe: 'within a month', period: per(1, 'month') }],
    ['Reduce churn from 3.2% to 2.5% over the next 6 weeks.', { name: 'churn', direction: 'down', baseline: 3.2, target: 2.5, kind: 'level', unit: '%', timeframe: 'over the next 6 weeks', period: per(6, 'week') }],
    ['Cut support tickets per order from 0.3 to 0.2 in 30 days.', { name: 'support tickets', direction: 'down', baseline: 0.3, target: 0.2, kind: 'level', timeframe: 'in 30 days', period: per(30, 'day') }],
    ['Time to checkout from 90 s to 60 s by Q3.', { name: 'time to checkout', direction: 'down', baseline: 90, target: 60, kind: 'level', unit: 's', timeframe: 'by Q3' }],
    ['Halve the error rate seen by customers within the next quarter.', { name: 'error rate', direction: 'down', kind: 'relative', relative: 'Halve', timeframe: 'within the next quarter', period: per(1, 'quarter') }],
    ['Retention +5 pp within six months.', { name: 'retention', direction: 'up', target: 5, kind: 'change', unit: 'pp', timeframe: 'within six months', period: per(6, 'month') }],
    ['Task completion time −20% in 8 weeks.', { name: 'task completion', direction: 'down', target: -20, kind: 'change', unit: '%', timeframe: 'in 8 weeks', period: per(8, 'week') }],
    ['Task success rate ≥ 95% by the end of the quarter.', { name: 'task success', direction: 'up', target: 95, kind: 'level', unit: '%', timeframe: 'by the end of the quarter' }],
    ['Repeat purchase rate +3% within a year.', { name: 'repeat purchase', direction: 'up', target: 3, kind: 'change', unit: '%', timeframe: 'within a year', period: per(1, 'year') }],
    ['Load time below 2 s.', { name: 'load time', direction: 'down', target: 2, kind: 'level', unit: 's' }],
    ['Cart abandonment rate down 4 points within 2 sprints.', { name: 'cart abandonment', direction: 'down', target: -4, kind: 'change', unit: 'points', timeframe: 'within 2 sprints' }],
    ['Double the activation rate within the first 3 months.', { name: 'activation', direction: 'up', kind: 'relative', relative: 'Double', timeframe: 'within the first 3 months', period: per(3, 'month') }],
    ['Churn reduced by a quarter within 12 weeks.', { name: 'churn', direction: 'down', kind: 'relative', relative: 'by a quarter', timeframe: 'within 12 weeks', period: per(12, 'week') }],
    ['Customer effort score from 3.8 to 3.2 by 2026-09-30.', { name: 'customer effort score', direction: 'down', baseline: 3.8, target: 3.2, kind: 'level', timeframe: 'by 2026-09-30' }],
    ['Reduce churn by 20% in the next two months.', { name: 'churn', direction: 'down', target: -20, kind: 'change', unit: '%', timeframe: 'in the next two months', period: per(2, 'month') }],
    ['First contact resolution at least 80%.', { name: 'first contact resolution', direction: 'up', target: 80, kind: 'level', unit: '%' }],
    ['Customer-facing error rate from 1.2% to 0.5% within 4 weeks.', { name: 'customer-facing error rate', direction: 'down', baseline: 1.2, target: 0.5, kind: 'level', unit: '%', timeframe: 'within 4 weeks', period: per(4, 'week') }],
  ],
  de: [
    ['Konversionsrate im Checkout von 2,1 % auf 2,6 % innerhalb eines Quartals.', { name: 'konversionsrate', direction: 'up', baseline: 2.1, target: 2.6, kind: 'level', unit: '%', timeframe: 'innerhalb eines Quartals', period: per(1, 'quarter') }],
    ['Abbruchquote im Warenkorb von 12 % auf 8 % innerhalb von zwei Monaten.', { name: 'abbruchquote', direction: 'down', baseline: 12, target: 8, kind: 'level', unit: '%', timeframe: 'innerhalb von zwei Monaten', period: per(2, 'month') }],
    ['NPS von 30 auf 40 steigern bis Q3.', { name: 'NPS', direction: 'up', baseline: 30, target: 40, kind: 'level', timeframe: 'bis Q3' }],
    ['Kundenzufriedenheit (CSAT) mindestens 4,5/5 in den nächsten 6 Wochen.', { name: 'kundenzufriedenheit', direction: 'up', target: 4.5, kind: 'level', unit: '/5', timeframe: 'in den nächsten 6 Wochen', period: per(6, 'week') }],
    ['Supportanfragen pro Bestellung halbieren im nächsten Quartal.', { name: 'supportanfragen', direction: 'down', kind: 'relative', relative: 'halbieren', timeframe: 'im nächsten Quartal', period: per(1, 'quarter') }],
    ['Ladezeit der Produktseite unter 2 s bis Ende 2027.', { name: 'ladezeit', direction: 'down', target: 2, kind: 'level', unit: 's', timeframe: 'bis Ende 2027' }],
    ['Retourenquote um 3 Prozentpunkte senken binnen 4 Wochen.', { name: 'retourenquote', direction: 'down', target: -3, kind: 'change', unit: 'prozentpunkte', timeframe: 'binnen 4 Wochen', period: per(4, 'week') }],
    ['Wiederkaufrate +5 % in drei Monaten.', { name: 'wiederkaufrate', direction: 'up', target: 5, kind: 'change', unit: '%', timeframe: 'in drei Monaten', period: per(3, 'month') }],
    ['Bearbeitungszeit pro Ticket von 8 auf 5 Minuten nach 30 Tagen.', { name: 'bearbeitungszeit', direction: 'down', baseline: 8, target: 5, kind: 'level', unit: 'minuten', timeframe: 'nach 30 Tagen', period: per(30, 'day') }],
    ['Abwanderung −20 % innerhalb eines Jahres.', { name: 'abwanderung', direction: 'down', target: -20, kind: 'change', unit: '%', timeframe: 'innerhalb eines Jahres', period: per(1, 'year') }],
    ['Erfolgsquote beim Bezahlen ≥ 98 %.', { name: 'erfolgsquote', direction: 'up', target: 98, kind: 'level', unit: '%' }],
    ['Die Kündigungsrate um 15 % senken bis Ende des Quartals.', { name: 'kündigungsrate', direction: 'down', target: -15, kind: 'change', unit: '%', timeframe: 'bis Ende des Quartals' }],
    ['Kundenzufriedenheit um 0,5 Punkte verbessern in einem Monat.', { name: 'kundenzufriedenheit', direction: 'up', target: 0.5, kind: 'change', unit: 'punkte', timeframe: 'in einem Monat', period: per(1, 'month') }],
  ],
  es: [
    ['Tasa de conversión del 2,1 % al 2,6 % en un trimestre.', { name: 'tasa de conversión', direction: 'up', baseline: 2.1, target: 2.6, kind: 'level', unit: '%', timeframe: 'en un trimestre', period: per(1, 'quarter') }],
    ['Tasa de abandono del carrito del 30 % al 20 % en dos meses.', { name: 'tasa de abandono', direction: 'down', baseline: 30, target: 20, kind: 'level', unit: '%', timeframe: 'en dos meses', period: per(2, 'month') }],
    ['NPS de 35 a 45 antes de fin de año.', { name: 'NPS', direction: 'up', baseline: 35, target: 45, kind: 'level', timeframe: 'antes de fin de año' }],
    ['Reducir a la mitad las incidencias por pedido en los próximos 3 meses.', { name: 'incidencias por pedido', direction: 'down', kind: 'relative', relative: 'a la mitad', timeframe: 'en los próximos 3 meses', period: per(3, 'month') }],
    ['Satisfacción (CSAT) de al menos 4,5/5 dentro de seis semanas.', { name: 'satisfacción', direction: 'up', target: 4.5, kind: 'level', unit: '/5', timeframe: 'dentro de seis semanas', period: per(6, 'week') }],
    ['Tiempo de carga por debajo de 2 s en Q3.', { name: 'tiempo de carga', direction: 'down', target: 2, kind: 'level', unit: 's', timeframe: 'en Q3' }],
    ['Retención +4 puntos en un año.', { name: 'retención', direction: 'up', target: 4, kind: 'change', unit: 'puntos', timeframe: 'en un año', period: per(1, 'year') }],
    ['Tasa de errores vistos por clientes −30 % en 8 semanas.', { name: 'tasa de errores', direction: 'down', target: -30, kind: 'change', unit: '%', timeframe: 'en 8 semanas', period: per(8, 'week') }],
    ['Tiempo medio de respuesta de 24 a 8 horas en 30 días.', { name: 'tiempo medio de respuesta', direction: 'down', baseline: 24, target: 8, kind: 'level', unit: 'horas', timeframe: 'en 30 días', period: per(30, 'day') }],
    ['Duplicar la recompra durante el próximo trimestre.', { name: 'recompra', direction: 'up', kind: 'relative', relative: 'Duplicar', timeframe: 'durante el próximo trimestre', period: per(1, 'quarter') }],
    ['Reducir las cancelaciones en un 20 % en tres meses.', { name: 'cancelaciones', direction: 'down', target: -20, kind: 'change', unit: '%', timeframe: 'en tres meses', period: per(3, 'month') }],
    ['Tasa de conversión de al menos el 3 %.', { name: 'tasa de conversión', direction: 'up', target: 3, kind: 'level', unit: '%' }],
  ],
  fr: [
    ['Taux de conversion de 2,1 % à 2,6 % en un trimestre.', { name: 'taux de conversion', direction: 'up', baseline: 2.1, target: 2.6, kind: 'level', unit: '%', timeframe: 'en un trimestre', period: per(1, 'quarter') }],
    ['Taux d\'abandon du panier de 30 % à 22 % dans deux mois.', { name: 'taux d\'abandon', direction: 'down', baseline: 30, target: 22, kind: 'level', unit: '%', timeframe: 'dans deux mois', period: per(2, 'month') }],
    ['NPS de 30 à 40 d\'ici la fin de l\'année.', { name: 'NPS', direction: 'up', baseline: 30, target: 40, kind: 'level', timeframe: 'd\'ici la fin de l\'année' }],
    ['Satisfaction (CSAT) au moins 4,5/5 dans les 3 prochains mois.', { name: 'satisfaction', direction: 'up', target: 4.5, kind: 'level', unit: '/5', timeframe: 'dans les 3 prochains mois', period: per(3, 'month') }],
    ['Diviser par deux le nombre de réclamations par commande en six semaines.', { name: 'réclamations par commande', direction: 'down', kind: 'relative', relative: 'Diviser par deux', timeframe: 'en six semaines', period: per(6, 'week') }],
    ['Temps de chargement sous 2 s d\'ici Q3.', { name: 'temps de chargement', direction: 'down', target: 2, kind: 'level', unit: 's', timeframe: 'd\'ici Q3' }],
    ['Rétention +5 points en un an.', { name: 'rétention', direction: 'up', target: 5, kind: 'change', unit: 'points', timeframe: 'en un an', period: per(1, 'year') }],
    ['Taux d\'erreur vu par les clients −20 % en 8 semaines.', { name: 'taux d\'erreur', direction: 'down', target: -20, kind: 'change', unit: '%', timeframe: 'en 8 semaines', period: per(8, 'week') }],
    ['Réduire le taux d\'attrition de 15 % au cours des 6 prochains mois.', { name: 'taux d\'attrition', direction: 'down', target: -15, kind: 'change', unit: '%', timeframe: 'au cours des 6 prochains mois', period: per(6, 'month') }],
    ['Délai moyen de réponse de 48 à 24 heures d\'ici fin 2026.', { name: 'délai moyen de réponse', direction: 'down', baseline: 48, target: 24, kind: 'level', unit: 'heures', timeframe: 'd\'ici fin 2026' }],
    ['Doubler le taux de réachat en deux trimestres.', { name: 'taux de réachat', direction: 'up', kind: 'relative', relative: 'Doubler', timeframe: 'en deux trimestres', period: per(2, 'quarter') }],
    ['Augmenter le NPS de 10 points dans les six prochains mois.', { name: 'NPS', direction: 'up', target: 10, kind: 'change', unit: 'points', timeframe: 'dans les six prochains mois', period: per(6, 'month') }],
  ],
  it: [
    ['Tasso di conversione dal 2,1% al 2,6% entro un trimestre.', { name: 'tasso di conversione', direction: 'up', baseline: 2.1, target: 2.6, kind: 'level', unit: '%', timeframe: 'entro un trimestre', period: per(1, 'quarter') }],
    ['Tasso di abbandono del carrello dal 30% al 20% entro due mesi.', { name: 'tasso di abbandono', direction: 'down', baseline: 30, target: 20, kind: 'level', unit: '%', timeframe: 'entro due mesi', period: per(2, 'month') }],
    ['NPS da 30 a 40 entro la fine dell\'anno.', { name: 'NPS', direction: 'up', baseline: 30, target: 40, kind: 'level', timeframe: 'entro la fine dell\'anno' }],
    ['Soddisfazione (CSAT) almeno 4,5/5 entro un mese.', { name: 'soddisfazione', direction: 'up', target: 4.5, kind: 'level', unit: '/5', timeframe: 'entro un mese', period: per(1, 'month') }],
    ['Dimezzare i reclami per ordine nei prossimi 3 mesi.', { name: 'reclami', direction: 'down', kind: 'relative', relative: 'Dimezzare', timeframe: 'nei prossimi 3 mesi', period: per(3, 'month') }],
    ['Tempo di caricamento sotto i 2 s entro il Q3.', { name: 'tempo di caricamento', direction: 'down', target: 2, kind: 'level', unit: 's', timeframe: 'entro il Q3' }],
    ['Fidelizzazione +5 punti in sei mesi.', { name: 'fidelizzazione', direction: 'up', target: 5, kind: 'change', unit: 'punti', timeframe: 'in sei mesi', period: per(6, 'month') }],
    ['Tasso di errore visto dai clienti −20% in 8 settimane.', { name: 'tasso di errore', direction: 'down', target: -20, kind: 'change', unit: '%', timeframe: 'in 8 settimane', period: per(8, 'week') }],
    ['Ridurre il tasso di abbandono del 15% entro tre mesi.', { name: 'tasso di abbandono', direction: 'down', target: -15, kind: 'change', unit: '%', timeframe: 'entro tre mesi', period: per(3, 'month') }],
    ['Tempo medio di risposta da 24 a 8 ore in 30 giorni.', { name: 'tempo medio di risposta', direction: 'down', baseline: 24, target: 8, kind: 'level', unit: 'ore', timeframe: 'in 30 giorni', period: per(30, 'day') }],
    ['Raddoppiare le prenotazioni ripetute nel prossimo trimestre.', { name: 'prenotazioni ripetute', direction: 'up', kind: 'relative', relative: 'Raddoppiare', timeframe: 'nel prossimo trimestre', period: per(1, 'quarter') }],
    ['Aumentare la soddisfazione di 5 punti entro il prossimo trimestre.', { name: 'soddisfazione', direction: 'up', target: 5, kind: 'change', unit: 'punti', timeframe: 'entro il prossimo trimestre', period: per(1, 'quarter') }],
  ],
  nl: [
    ['Conversie van 2,1% naar 2,6% binnen een kwartaal.', { name: 'conversie', direction: 'up', baseline: 2.1, target: 2.6, kind: 'level', unit: '%', timeframe: 'binnen een kwartaal', period: per(1, 'quarter') }],
    ['Uitval in de checkout van 30% naar 20% binnen twee maanden.', { name: 'uitval', direction: 'down', baseline: 30, target: 20, kind: 'level', unit: '%', timeframe: 'binnen twee maanden', period: per(2, 'month') }],
    ['NPS van 30 naar 40 voor eind 2026.', { name: 'NPS', direction: 'up', baseline: 30, target: 40, kind: 'level', timeframe: 'voor eind 2026' }],
    ['Klanttevredenheid (CSAT) minstens 4,5/5 binnen twee weken.', { name: 'klanttevredenheid', direction: 'up', target: 4.5, kind: 'level', unit: '/5', timeframe: 'binnen twee weken', period: per(2, 'week') }],
    ['Klachten per bestelling halveren in de komende 3 maanden.', { name: 'klachten per bestelling', direction: 'down', kind: 'relative', relative: 'halveren', timeframe: 'in de komende 3 maanden', period: per(3, 'month') }],
    ['Laadtijd onder 2 s voor Q3.', { name: 'laadtijd', direction: 'down', target: 2, kind: 'level', unit: 's', timeframe: 'voor Q3' }],
    ['Retentie +5 procentpunten in zes maanden.', { name: 'retentie', direction: 'up', target: 5, kind: 'change', unit: 'procentpunten', timeframe: 'in zes maanden', period: per(6, 'month') }],
    ['Foutpercentage bij klanten −20% in 8 weken.', { name: 'foutpercentage', direction: 'down', target: -20, kind: 'change', unit: '%', timeframe: 'in 8 weken', period: per(8, 'week') }],
    ['Wachttijd aan de telefoon van 14 naar 7 minuten binnen 30 dagen.', { name: 'wachttijd', direction: 'down', baseline: 14, target: 7, kind: 'level', unit: 'minuten', timeframe: 'binnen 30 dagen', period: per(30, 'day') }],
    ['Verdubbel de conversie van nieuwsbriefabonnees binnen een jaar.', { name: 'conversie', direction: 'up', kind: 'relative', relative: 'Verdubbel', timeframe: 'binnen een jaar', period: per(1, 'year') }],
    ['Churn met 15% verlagen binnen drie maanden.', { name: 'churn', direction: 'down', target: -15, kind: 'change', unit: '%', timeframe: 'binnen drie maanden', period: per(3, 'month') }],
  ],
  pt: [
    ['Taxa de conversão de 2,1% para 2,6% em um trimestre.', { name: 'taxa de conversão', direction: 'up', baseline: 2.1, target: 2.6, kind: 'level', unit: '%', timeframe: 'em um trimestre', period: per(1, 'quarter') }],
    ['Taxa de abandono do carrinho de 30% para 20% em dois meses.', { name: 'taxa de abandono', direction: 'down', baseline: 30, target: 20, kind: 'level', unit: '%', timeframe: 'em dois meses', period: per(2, 'month') }],
    ['NPS de 30 para 40 até o fim do ano.', { name: 'NPS', direction: 'up', baseline: 30, target: 40, kind: 'level', timeframe: 'até o fim do ano' }],
    ['Satisfação (CSAT) de pelo menos 4,5/5 em três meses.', { name: 'satisfação', direction: 'up', target: 4.5, kind: 'level', unit: '/5', timeframe: 'em três meses', period: per(3, 'month') }],
    ['Reduzir pela metade as reclamações por pedido nos próximos 3 meses.', { name: 'reclamações por pedido', direction: 'down', kind: 'relative', relative: 'pela metade', timeframe: 'nos próximos 3 meses', period: per(3, 'month') }],
    ['Tempo de carregamento abaixo de 2 s até o Q3.', { name: 'tempo de carregamento', direction: 'down', target: 2, kind: 'level', unit: 's', timeframe: 'até o Q3' }],
    ['Retenção +5 pontos em um ano.', { name: 'retenção', direction: 'up', target: 5, kind: 'change', unit: 'pontos', timeframe: 'em um ano', period: per(1, 'year') }],
    ['Taxa de erros vistos pelos clientes −20% em 8 semanas.', { name: 'taxa de erros', direction: 'down', target: -20, kind: 'change', unit: '%', timeframe: 'em 8 semanas', period: per(8, 'week') }],
    ['Reduzir o churn em 15% dentro de seis semanas.', { name: 'churn', direction: 'down', target: -15, kind: 'change', unit: '%', timeframe: 'dentro de seis semanas', period: per(6, 'week') }],
    ['Tempo médio de resposta de 24 para 8 horas em 30 dias.', { name: 'tempo médio de resposta', direction: 'down', baseline: 24, target: 8, kind: 'level', unit: 'horas', timeframe: 'em 30 dias', period: per(30, 'day') }],
    ['Dobrar a taxa de recompra durante o próximo trimestre.', { name: 'taxa de recompra', direction: 'up', kind: 'relative', relative: 'Dobrar', timeframe: 'durante o próximo trimestre', period: per(1, 'quarter') }],
    ['Churn abaixo de 2% ao mês.', { name: 'churn', direction: 'down', target: 2, kind: 'level', unit: '%' }],
  ],
};

describe('readMetricPromise: a corpus of metric sentences', () => {
  for (const [language, rows] of Object.entries(CORPUS)) {
    describe(language, () => {
      it.each(rows)('%s', (sentence, expected) => {
        expect(readMetricPromise(sentence, compiled)).toEqual({ ...NOTHING, ...expected });
      });
    });
  }

  it('holds at least 60 sentences, at least 8 in each language', () => {
    expect(Object.values(CORPUS).flat().length).toBeGreaterThanOrEqual(60);
    expect(Object.keys(CORPUS).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt']);
    for (const rows of Object.values(CORPUS)) expect(rows.length).toBeGreaterThanOrEqual(8);
  });
});
