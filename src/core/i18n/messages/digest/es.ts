import type { en } from './en.js';

/** The digest's lines in Spanish: see en.ts. */
export const es: Record<keyof typeof en, string> = {
  this: '{period, select, week {esta semana} other {en este periodo}}',
  span: '{period, select, week {{count, plural, one {{count} semana} other {{count} semanas}}} other {{count, plural, one {{count} periodo} other {{count} periodos}}}}',
  more: 'y {count} más',
  separator: '; ',

  balance: 'cliente {customer}, ambos {both}, negocio {business} de {stories, plural, one {{stories} historia} other {{stories} historias}}; parte del cliente {share}{change}{target}',
  'balance.change': ' ({change} pts)',
  'balance.target': ' (objetivo ≥ {target}: {met, select, yes {cumplido} other {no cumplido}})',

  'outcomes.hit': '{total, plural, one {{hit} de {total} objetivo cumplido} other {{hit} de {total} objetivos cumplidos}} ({rate}) {this}',
  'outcomes.hitNotMeasured': '{total, plural, one {{hit} de {total} objetivo cumplido} other {{hit} de {total} objetivos cumplidos}} ({rate}) {this}, {notMeasured} sin medir',
  'outcomes.notMeasured': '{notMeasured} sin medir {this}',
  'outcomes.none': 'ninguna revisión {this}',
  'outcomes.hitRate': 'tasa de acierto en {period, select, week {{count, plural, one {la última semana} other {las últimas {count} semanas}}} other {{count, plural, one {el último periodo} other {los últimos {count} periodos}}}}: {rate}',
  'outcomes.overdue': '{count, plural, one {{count} revisión vencida} other {{count} revisiones vencidas}}: {keys}',
  'outcomes.pending': '{count, plural, one {{count} pendiente} other {{count} pendientes}}',
  'outcomes.helped': 'a quién ayudamos: {personas}',

  'journey.stage': '{stage}: {count} {this}, {total} en {span}',
  'journey.stageScore': '{stage}: {count} {this}, {total} en {span}, puntuación {score}',
  'journey.quiet': 'Nadie ha trabajado en {stages} desde hace {span}',
  'journey.unassigned': '{count, plural, one {{count} historia} other {{count} historias}} {this} sin etapa',

  'epic.line': '{key}: {count, plural, one {{count} historia} other {{count} historias}}, media {score}',
  'epic.linePersona': '{key}: {count, plural, one {{count} historia} other {{count} historias}}, media {score}, {forPersona} de {count} para «{persona}»',
};
