import type { en } from './en.js';

/** The ranking's formula in Italian: see en.ts. */
export const it: Record<keyof typeof en, string> = {
  formula: 'punteggio cliente = beneficio × (1 + {evidence} × min(evidenze, {evidenceCap})) × (1 + {reach} × min(altre storie per la persona, {reachCap})) ÷ costo; business = valore di business ÷ costo',

  headline: 'Classifica di {scope}: {count, plural, one {# storia aperta} other {# storie aperte}}, {ranked} in classifica',
  benefit: 'beneficio {benefit}',
  cost: 'costo {cost}',
  reach: '({count, plural, one {# altra storia} other {# altre storie}})',
  noneRanked: 'Nessuna storia ha sia un beneficio sia un costo per essere classificata.',
  notRanked: 'Non in classifica ({count})',
  unranked: '{reason, select, benefit {senza beneficio} cost {senza costo} other {senza beneficio né costo}}',
  'column.ticket': 'Ticket',
  'column.summary': 'Riepilogo',
  'column.customer': 'Cliente ÷ costo',
  'column.business': 'Business ÷ costo',
  'column.benefit': 'Beneficio',
  'column.cost': 'Costo',
  'column.evidence': 'Evidenze',
  'column.persona': 'Persona',
  'column.reach': 'Portata',
  'column.promise': 'Promessa',
  'column.lint': 'Lint',
};
