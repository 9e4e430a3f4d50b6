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

  // `centric digest` (render/digest-markdown.ts): Centric's words around the lines above, plain
  // text; the renderer adds the markup. The questions, rankings and labels the Slack digest shares
  // come from messages/slack (digest.*), so both say the same thing.
  'md.title': 'Customer-centricity digest: {title}',
  'md.note': 'Note:',
  'md.quiet': 'No ticket changed in this period.',
  'md.score': 'Score: {score}/100',
  'md.tickets': 'over {count, plural, one {{count} ticket} other {{count} tickets}} (previous period: {previous})',
  'md.question': 'Question',
  'md.share': 'Share',
  'md.change': 'Change',
  'md.evidence': 'Customer evidence:',
  'md.evidenceShare': '{share} of the tickets show where the need came from',
  'md.balance': 'Whose benefit:',
  'md.attention': 'Needs attention',

  // `centric outcomes` (cli/outcomes.ts), text and Markdown: plain text, the renderer adds the markup.
  'list.title': 'Outcomes of {project} since {date}',
  'list.hitRate': 'Hit rate: {rate}',
  'list.noneAnswered': 'none answered',
  'list.tally': '{rate} ({hit} hit, {missed} missed)',
  'list.tallyNotMeasured': '{rate} ({hit} hit, {missed} missed; {notMeasured} not measured, left out)',
  'list.overdue': 'Overdue',
  'list.pending': 'Pending',
  'list.answered': 'Answered',
  'list.groupEmpty': '{group} ({count}): none',
  'list.none': 'None.',
  'list.fieldLine': '{label}: {value}',
  'list.field.for': 'for',
  'list.field.promise': 'promise',
  'list.field.shipped': 'shipped',
  'list.field.status': 'status',
  'list.field.measured': 'measured',
  'list.field.note': 'note',
  'list.column.ticket': 'Ticket',
  'list.column.summary': 'Summary',
  'list.column.for': 'For',
  'list.column.promise': 'Promise',
  'list.column.shipped': 'Shipped',
  'list.column.status': 'Status',
  'list.column.measured': 'Measured',
  'list.column.note': 'Note',
  'list.state.answered': '{answer, select, hit {target hit} missed {missed} other {not measured}}{dated, select, yes { on {date}} other {}}{named, select, yes { by {name}} other {}}',
  'list.state.reminded': 'asked {asked}, reminded {reminded}, no answer yet',
  'list.state.asked': 'asked {asked}, waiting for the answer',
  'list.state.due': 'review due {due}',
} as const satisfies Catalog;
