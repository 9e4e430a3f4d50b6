import type { en } from './en.js';

/** The digest's lines in Italian: see en.ts. */
export const it: Record<keyof typeof en, string> = {
  this: '{period, select, week {questa settimana} other {in questo periodo}}',
  span: '{period, select, week {{count, plural, one {{count} settimana} other {{count} settimane}}} other {{count, plural, one {{count} periodo} other {{count} periodi}}}}',
  more: 'e altri {count}',
  separator: '; ',

  balance: 'cliente {customer}, entrambi {both}, business {business} su {stories, plural, one {{stories} storia} other {{stories} storie}}; quota del cliente {share}{change}{target}',
  'balance.change': ' ({change} pt)',
  'balance.target': ' (obiettivo ≥ {target}: {met, select, yes {raggiunto} other {non raggiunto}})',

  'outcomes.hit': '{hit, plural, one {{hit} obiettivo raggiunto} other {{hit} obiettivi raggiunti}} su {total} ({rate}) {this}',
  'outcomes.hitNotMeasured': '{hit, plural, one {{hit} obiettivo raggiunto} other {{hit} obiettivi raggiunti}} su {total} ({rate}) {this}, {notMeasured, plural, one {{notMeasured} non misurato} other {{notMeasured} non misurati}}',
  'outcomes.notMeasured': '{notMeasured, plural, one {{notMeasured} non misurato} other {{notMeasured} non misurati}} {this}',
  'outcomes.none': 'nessuna verifica {this}',
  'outcomes.hitRate': 'tasso di successo {period, select, week {{count, plural, one {nell’ultima settimana} other {nelle ultime {count} settimane}}} other {{count, plural, one {nell’ultimo periodo} other {negli ultimi {count} periodi}}}}: {rate}',
  'outcomes.overdue': '{count, plural, one {{count} verifica scaduta} other {{count} verifiche scadute}}: {keys}',
  'outcomes.pending': '{count} in attesa',
  'outcomes.helped': 'chi abbiamo aiutato: {personas}',

  'journey.stage': '{stage}: {count} {this}, {total} in {span}',
  'journey.stageScore': '{stage}: {count} {this}, {total} in {span}, punteggio {score}',
  'journey.quiet': 'Nessun lavoro su {stages} da {span}',
  'journey.unassigned': '{count, plural, one {{count} storia} other {{count} storie}} {this} senza fase',

  'epic.line': '{key}: {count, plural, one {{count} storia} other {{count} storie}}, media {score}',
  'epic.linePersona': '{key}: {count, plural, one {{count} storia} other {{count} storie}}, media {score}, {forPersona} su {count} per «{persona}»',
};
