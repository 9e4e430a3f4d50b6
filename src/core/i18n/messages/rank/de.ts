import type { en } from './en.js';

/** The ranking's formula in German: see en.ts. */
export const de: Record<keyof typeof en, string> = {
  formula: 'Kundenpunktzahl = Nutzen × (1 + {evidence} × min(Belege, {evidenceCap})) × (1 + {reach} × min(weitere Storys für die Persona, {reachCap})) ÷ Aufwand; Business = Business Value ÷ Aufwand',

  headline: 'Ranking von {scope}: {count, plural, one {# offene Story} other {# offene Storys}}, {ranked} gerankt',
  benefit: 'Nutzen {benefit}',
  cost: 'Aufwand {cost}',
  reach: '({count, plural, one {# weitere Story} other {# weitere Storys}})',
  noneRanked: 'Keine Story hat sowohl Nutzen als auch Aufwand, nach denen sie sich ranken ließe.',
  notRanked: 'Nicht gerankt ({count})',
  unranked: '{reason, select, benefit {kein Nutzen} cost {kein Aufwand} other {kein Nutzen, kein Aufwand}}',
  'column.ticket': 'Ticket',
  'column.summary': 'Zusammenfassung',
  'column.customer': 'Kunde ÷ Aufwand',
  'column.business': 'Business ÷ Aufwand',
  'column.benefit': 'Nutzen',
  'column.cost': 'Aufwand',
  'column.evidence': 'Belege',
  'column.persona': 'Persona',
  'column.reach': 'Reichweite',
  'column.promise': 'Versprechen',
  'column.lint': 'Lint',
};
