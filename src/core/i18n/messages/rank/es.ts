import type { en } from './en.js';

/** The ranking's formula in Spanish: see en.ts. */
export const es: Record<keyof typeof en, string> = {
  formula: 'puntuación de cliente = beneficio × (1 + {evidence} × min(evidencia, {evidenceCap})) × (1 + {reach} × min(otras historias para la persona, {reachCap})) ÷ coste; negocio = valor de negocio ÷ coste',

  headline: 'Ranking de {scope}: {count, plural, one {# historia abierta} other {# historias abiertas}}, {ranked} en el ranking',
  benefit: 'beneficio {benefit}',
  cost: 'coste {cost}',
  reach: '({count, plural, one {# otra historia} other {# otras historias}})',
  noneRanked: 'Ninguna historia tiene a la vez un beneficio y un coste para ordenarla.',
  notRanked: 'Fuera del ranking ({count})',
  unranked: '{reason, select, benefit {sin beneficio} cost {sin coste} other {sin beneficio ni coste}}',
  'column.ticket': 'Ticket',
  'column.summary': 'Resumen',
  'column.customer': 'Cliente ÷ coste',
  'column.business': 'Negocio ÷ coste',
  'column.benefit': 'Beneficio',
  'column.cost': 'Coste',
  'column.evidence': 'Evidencia',
  'column.persona': 'Persona',
  'column.reach': 'Alcance',
  'column.promise': 'Promesa',
  'column.lint': 'Lint',
};
