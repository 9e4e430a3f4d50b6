import type { en } from './en.js';

/** The digest's lines in German: see en.ts. */
export const de: Record<keyof typeof en, string> = {
  this: '{period, select, week {diese Woche} other {in diesem Zeitraum}}',
  span: '{period, select, week {{count, plural, one {{count} Woche} other {{count} Wochen}}} other {{count, plural, one {{count} Zeitraum} other {{count} Zeiträumen}}}}',
  more: 'und {count} weitere',
  separator: '; ',

  balance: 'Kunde {customer}, beide {both}, Business {business} von {stories, plural, one {{stories} Story} other {{stories} Storys}}; Kundenanteil {share}{change}{target}',
  'balance.change': ' ({change} Pkt.)',
  'balance.target': ' (Ziel ≥ {target}: {met, select, yes {erreicht} other {nicht erreicht}})',

  'outcomes.hit': '{hit} von {total} erreicht ({rate}) {this}',
  'outcomes.hitNotMeasured': '{hit} von {total} erreicht ({rate}) {this}, {notMeasured} nicht gemessen',
  'outcomes.notMeasured': '{this} {notMeasured} nicht gemessen',
  'outcomes.none': '{this} keine geprüft',
  'outcomes.hitRate': 'Trefferquote in {period, select, week {{count, plural, one {{count} Woche} other {{count} Wochen}}} other {{count, plural, one {{count} Zeitraum} other {{count} Zeiträumen}}}}: {rate}',
  'outcomes.overdue': '{count} überfällig: {keys}',
  'outcomes.pending': '{count} offen',
  'outcomes.helped': 'wem wir geholfen haben: {personas}',

  'journey.stage': '{stage}: {count} {this}, {total} in {span}',
  'journey.stageScore': '{stage}: {count} {this}, {total} in {span}, Punktzahl {score}',
  'journey.quiet': 'Seit {span} keine Arbeit an {stages}',
  'journey.unassigned': '{count, plural, one {{count} Story} other {{count} Storys}} {this} ohne Phase',

  'epic.line': '{key}: {count, plural, one {{count} Story} other {{count} Storys}}, Durchschnitt {score}',
  'epic.linePersona': '{key}: {count, plural, one {{count} Story} other {{count} Storys}}, Durchschnitt {score}, {forPersona} von {count} für „{persona}“',
};
