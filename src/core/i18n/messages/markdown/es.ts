import type { en } from './en.js';

/** The Markdown report's words in Spanish: see en.ts. */
export const es: Record<keyof typeof en, string> = {
  title: 'Informe de Centric',
  ticket: 'Ticket',
  score: 'Puntuación',
  result: 'Resultado',
  findings: 'Hallazgos',
  skipped: 'omitido',
  story: 'Historia: {story}',
  epic: 'Épica: {epic}',
  allPass: 'Cumple todas las comprobaciones.',
  fix: 'Cómo arreglarlo:',
  severity: '({severity}):',
};
