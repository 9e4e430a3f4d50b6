import type { en } from './en.js';

/** The ranking's formula in Dutch: see en.ts. */
export const nl: Record<keyof typeof en, string> = {
  formula: 'klantscore = waarde × (1 + {evidence} × min(bewijs, {evidenceCap})) × (1 + {reach} × min(andere stories voor de persona, {reachCap})) ÷ kosten; business = bedrijfswaarde ÷ kosten',

  headline: 'Ranking van {scope}: {count, plural, one {# open story} other {# open stories}}, {ranked} gerangschikt',
  benefit: 'waarde {benefit}',
  cost: 'kosten {cost}',
  reach: '({count, plural, one {# andere story} other {# andere stories}})',
  noneRanked: 'Geen enkele story heeft zowel een waarde als kosten om op te rangschikken.',
  notRanked: 'Niet gerangschikt ({count})',
  unranked: '{reason, select, benefit {geen waarde} cost {geen kosten} other {geen waarde, geen kosten}}',
  'column.ticket': 'Ticket',
  'column.summary': 'Samenvatting',
  'column.customer': 'Klant ÷ kosten',
  'column.business': 'Business ÷ kosten',
  'column.benefit': 'Waarde',
  'column.cost': 'Kosten',
  'column.evidence': 'Bewijs',
  'column.persona': 'Persona',
  'column.reach': 'Bereik',
  'column.promise': 'Belofte',
  'column.lint': 'Lint',
};
