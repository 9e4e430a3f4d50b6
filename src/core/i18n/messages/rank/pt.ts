import type { en } from './en.js';

/** The ranking's formula in Portuguese: see en.ts. */
export const pt: Record<keyof typeof en, string> = {
  formula: 'pontuação do cliente = benefício × (1 + {evidence} × min(evidências, {evidenceCap})) × (1 + {reach} × min(outras histórias para a persona, {reachCap})) ÷ custo; negócio = valor de negócio ÷ custo',

  headline: 'Ranking de {scope}: {count, plural, one {# história aberta} other {# histórias abertas}}, {ranked} no ranking',
  benefit: 'benefício {benefit}',
  cost: 'custo {cost}',
  reach: '({count, plural, one {# outra história} other {# outras histórias}})',
  noneRanked: 'Nenhuma história tem ao mesmo tempo um benefício e um custo para ser ranqueada.',
  notRanked: 'Fora do ranking ({count})',
  unranked: '{reason, select, benefit {sem benefício} cost {sem custo} other {sem benefício nem custo}}',
  'column.ticket': 'Ticket',
  'column.summary': 'Resumo',
  'column.customer': 'Cliente ÷ custo',
  'column.business': 'Negócio ÷ custo',
  'column.benefit': 'Benefício',
  'column.cost': 'Custo',
  'column.evidence': 'Evidências',
  'column.persona': 'Persona',
  'column.reach': 'Alcance',
  'column.promise': 'Promessa',
  'column.lint': 'Lint',
};
