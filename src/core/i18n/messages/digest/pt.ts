import type { en } from './en.js';

/** The digest's lines in Portuguese: see en.ts. */
export const pt: Record<keyof typeof en, string> = {
  this: '{period, select, week {nesta semana} other {neste período}}',
  span: '{period, select, week {{count, plural, one {{count} semana} other {{count} semanas}}} other {{count, plural, one {{count} período} other {{count} períodos}}}}',
  more: 'e mais {count}',
  separator: '; ',

  balance: 'cliente {customer}, ambos {both}, negócio {business} de {stories, plural, one {{stories} história} other {{stories} histórias}}; parcela do cliente {share}{change}{target}',
  'balance.change': ' ({change} p.p.)',
  'balance.target': ' (meta ≥ {target}: {met, select, yes {atingida} other {não atingida}})',

  'outcomes.hit': '{total, plural, one {{hit} de {total} meta atingida} other {{hit} de {total} metas atingidas}} ({rate}) {this}',
  'outcomes.hitNotMeasured': '{total, plural, one {{hit} de {total} meta atingida} other {{hit} de {total} metas atingidas}} ({rate}) {this}, {notMeasured, plural, one {{notMeasured} não medida} other {{notMeasured} não medidas}}',
  'outcomes.notMeasured': '{notMeasured, plural, one {{notMeasured} não medida} other {{notMeasured} não medidas}} {this}',
  'outcomes.none': 'nenhuma revisão {this}',
  'outcomes.hitRate': 'taxa de acerto {period, select, week {{count, plural, one {na última semana} other {nas últimas {count} semanas}}} other {{count, plural, one {no último período} other {nos últimos {count} períodos}}}}: {rate}',
  'outcomes.overdue': '{count, plural, one {{count} revisão atrasada} other {{count} revisões atrasadas}}: {keys}',
  'outcomes.pending': '{count, plural, one {{count} pendente} other {{count} pendentes}}',
  'outcomes.helped': 'quem ajudamos: {personas}',

  'journey.stage': '{stage}: {count} {this}, {total} em {span}',
  'journey.stageScore': '{stage}: {count} {this}, {total} em {span}, pontuação {score}',
  'journey.quiet': 'Nenhum trabalho em {stages} há {span}',
  'journey.unassigned': '{count, plural, one {{count} história} other {{count} histórias}} {this} sem etapa',

  'epic.line': '{key}: {count, plural, one {{count} história} other {{count} histórias}}, média {score}',
  'epic.linePersona': '{key}: {count, plural, one {{count} história} other {{count} histórias}}, média {score}, {forPersona} de {count} para “{persona}”',
};
