import type { Catalog } from '../../translate.js';

/**
 * The digest's lines that core words (digest.ts, digest-markdown.ts, journey/coverage.ts,
 * epic/epic-digest.ts): whose benefit, outcomes, journey coverage, epics. Values arrive escaped for
 * the target format (keys, personas, stage names); the rest is plain text with no markup in it.
 * Numbers are filled in as they are ({count}, not #): the English lines stay as they always were.
 */
export const en = {
  /** "this week" or "this period": a digest read from history knows its period is a week. */
  this: '{period, select, week {this week} other {this period}}',
  /** "12 weeks", "1 period". */
  span: '{period, select, week {{count, plural, one {{count} week} other {{count} weeks}}} other {{count, plural, one {{count} period} other {{count} periods}}}}',
  more: 'and {count} more',
  /** Between the parts of the outcomes line. */
  separator: '; ',

  balance: 'customer {customer}, both {both}, business {business} of {stories, plural, one {{stories} story} other {{stories} stories}}; customer share {share}{change}{target}',
  'balance.change': ' ({change} pts)',
  'balance.target': ' (target ≥ {target}: {met, select, yes {met} other {not met}})',

  'outcomes.hit': '{hit} of {total} hit ({rate}) {this}',
  'outcomes.hitNotMeasured': '{hit} of {total} hit ({rate}) {this}, {notMeasured} not measured',
  'outcomes.notMeasured': '{notMeasured} not measured {this}',
  'outcomes.none': 'none reviewed {this}',
  'outcomes.hitRate': 'hit rate over {count} {period, select, week {weeks} other {periods}} {rate}',
  'outcomes.overdue': '{count} overdue: {keys}',
  'outcomes.pending': '{count} pending',
  'outcomes.helped': 'who did we help: {personas}',

  'journey.stage': '{stage}: {count} {this}, {total} over {span}',
  'journey.stageScore': '{stage}: {count} {this}, {total} over {span}, score {score}',
  'journey.quiet': 'No work for {stages} in {span}',
  'journey.unassigned': '{count, plural, one {{count} story} other {{count} stories}} {this} in no stage',

  'epic.line': '{key}: {count, plural, one {{count} story} other {{count} stories}}, average {score}',
  'epic.linePersona': '{key}: {count, plural, one {{count} story} other {{count} stories}}, average {score}, {forPersona} of {count} for "{persona}"',
} as const satisfies Catalog;
