import type { en } from './en.js';

/** The ranking's formula in French: see en.ts. */
export const fr: Record<keyof typeof en, string> = {
  formula: 'score client = bénéfice × (1 + {evidence} × min(preuves, {evidenceCap})) × (1 + {reach} × min(autres stories pour la persona, {reachCap})) ÷ coût\u202f; business = valeur business ÷ coût',

  headline: 'Classement de {scope}\u00a0: {count, plural, one {# story ouverte} other {# stories ouvertes}}, {ranked, plural, one {# classée} other {# classées}}',
  benefit: 'bénéfice {benefit}',
  cost: 'coût {cost}',
  reach: '({count, plural, one {# autre story} other {# autres stories}})',
  noneRanked: 'Aucune story n’a à la fois un bénéfice et un coût pour la classer.',
  notRanked: 'Non classées ({count})',
  unranked: '{reason, select, benefit {pas de bénéfice} cost {pas de coût} other {ni bénéfice ni coût}}',
  'column.ticket': 'Ticket',
  'column.summary': 'Résumé',
  'column.customer': 'Client ÷ coût',
  'column.business': 'Business ÷ coût',
  'column.benefit': 'Bénéfice',
  'column.cost': 'Coût',
  'column.evidence': 'Preuves',
  'column.persona': 'Persona',
  'column.reach': 'Portée',
  'column.promise': 'Promesse',
  'column.lint': 'Lint',
};
