import type { en } from './en.js';

/** The digest's lines in Dutch: see en.ts. */
export const nl: Record<keyof typeof en, string> = {
  this: '{period, select, week {deze week} other {in deze periode}}',
  span: '{period, select, week {{count, plural, one {{count} week} other {{count} weken}}} other {{count, plural, one {{count} periode} other {{count} periodes}}}}',
  more: 'en nog {count}',
  separator: '; ',

  balance: 'klant {customer}, beide {both}, business {business} van {stories, plural, one {{stories} story} other {{stories} stories}}; aandeel klant {share}{change}{target}',
  'balance.change': ' ({change} ptn)',
  'balance.target': ' (doel ≥ {target}: {met, select, yes {gehaald} other {niet gehaald}})',

  'outcomes.hit': '{hit} van {total} gehaald ({rate}) {this}',
  'outcomes.hitNotMeasured': '{hit} van {total} gehaald ({rate}) {this}, {notMeasured} niet gemeten',
  'outcomes.notMeasured': '{notMeasured} niet gemeten {this}',
  'outcomes.none': '{this} niets beoordeeld',
  'outcomes.hitRate': 'slagingspercentage over {period, select, week {{count, plural, one {de afgelopen week} other {de afgelopen {count} weken}}} other {{count, plural, one {de afgelopen periode} other {de afgelopen {count} periodes}}}}: {rate}',
  'outcomes.overdue': '{count} achterstallig: {keys}',
  'outcomes.pending': '{count} openstaand',
  'outcomes.helped': 'wie hebben we geholpen: {personas}',

  'journey.stage': '{stage}: {count} {this}, {total} in {span}',
  'journey.stageScore': '{stage}: {count} {this}, {total} in {span}, score {score}',
  'journey.quiet': 'Al {span} geen werk aan {stages}',
  'journey.unassigned': '{count, plural, one {{count} story} other {{count} stories}} {this} zonder fase',

  'epic.line': '{key}: {count, plural, one {{count} story} other {{count} stories}}, gemiddeld {score}',
  'epic.linePersona': '{key}: {count, plural, one {{count} story} other {{count} stories}}, gemiddeld {score}, {forPersona} van {count} voor ‘{persona}’',
};
