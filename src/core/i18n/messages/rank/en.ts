import type { Catalog } from '../../translate.js';

/**
 * The ranking's formula (rank.ts formulaText), printed above the ranking so the room can
 * challenge it; the weights are centric.yml's, filled in as written. Plain text.
 */
export const en = {
  formula: 'customer score = benefit × (1 + {evidence} × min(evidence, {evidenceCap})) × (1 + {reach} × min(other stories for the persona, {reachCap})) ÷ cost; business = business value ÷ cost',

  // `centric rank` (cli/rank.ts), text and Markdown, around what the Slack ranking already says
  // (messages/slack rank.*): plain text, the renderer adds the markup.
  headline: 'Ranking of {scope}: {count, plural, one {{count} open story} other {{count} open stories}}, {ranked} ranked',
  benefit: 'benefit {benefit}',
  cost: 'cost {cost}',
  reach: '({count, plural, one {{count} other story} other {{count} other stories}})',
  noneRanked: 'No story has both a benefit and a cost to rank by.',
  notRanked: 'Not ranked ({count})',
  unranked: '{reason, select, benefit {no benefit} cost {no cost} other {no benefit, no cost}}',
  'column.ticket': 'Ticket',
  'column.summary': 'Summary',
  'column.customer': 'Customer ÷ cost',
  'column.business': 'Business ÷ cost',
  'column.benefit': 'Benefit',
  'column.cost': 'Cost',
  'column.evidence': 'Evidence',
  'column.persona': 'Persona',
  'column.reach': 'Reach',
  'column.promise': 'Promise',
  'column.lint': 'Lint',
} as const satisfies Catalog;
