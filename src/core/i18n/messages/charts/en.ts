import type { Catalog } from '../../translate.js';

/** The charts' own words: titles, axes and legends. */
export const en = {
  trendTitle: 'Customer-centricity of {scope}, last {weeks, plural, one {week} other {# weeks}}',
  trendX: 'Week starting',
  trendY: 'Score and share of tickets (%)',
  score: 'Score (0–100)',
  who: 'Who: a specific persona',
  what: 'What: a story',
  why: 'Why: a benefit',
  how: 'How will we know: a metric',
  see: 'What will they see: visuals',
  done: 'Acceptance criteria',
  hitRate: 'Outcome hit rate',
  legend: 'Series',
  noData: 'No tickets were linted in these weeks.',
  scoresTitle: 'Score distribution of {count, plural, one {# ticket} other {# tickets}}',
  scoresX: 'Score',
  scoresY: 'Tickets',
  rulesTitle: 'Share of tickets passing each rule',
  rulesX: 'Tickets passing (%)',
  trendAlt: 'Line chart: customer-centricity score of {scope} week by week, and the share of tickets answering each question. Latest score: {latest}.',
  rulesY: 'Rule',
} as const satisfies Catalog;
