import type { en } from './en.js';

export const nl: Record<keyof typeof en, string> = {
  trendTitle: 'Klantgerichtheid van {scope}, {weeks, plural, one {afgelopen week} other {afgelopen # weken}}',
  trendX: 'Week vanaf',
  trendY: 'Score en aandeel tickets (%)',
  score: 'Score (van 0 tot 100)',
  who: 'Wie: een concrete persona',
  what: 'Wat: een story',
  why: 'Waarom: een voordeel',
  how: 'Hoe weten we het: een metric',
  see: 'Wat zien ze: visuals',
  done: 'Acceptatiecriteria',
  hitRate: 'Percentage behaalde doelen',
  legend: 'Reeksen',
  noData: 'In deze weken is geen enkel ticket gecontroleerd.',
  scoresTitle: 'Verdeling van de scores van {count, plural, one {# ticket} other {# tickets}}',
  scoresX: 'Behaalde score',
  scoresY: 'Aantal tickets',
  rulesTitle: 'Aandeel tickets dat aan elke regel voldoet',
  rulesX: 'Tickets die voldoen (%)',
  trendAlt: 'Lijngrafiek: klantgerichtheidsscore van {scope} per week, en het aandeel tickets dat elke vraag beantwoordt. Laatste score: {latest}.',
  rulesY: 'Regel',
};
