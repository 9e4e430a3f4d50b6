import type { en } from './en.js';

/** The Markdown report's words in Portuguese: see en.ts. */
export const pt: Record<keyof typeof en, string> = {
  title: 'Relatório do Centric',
  ticket: 'Ticket',
  score: 'Pontuação',
  result: 'Resultado',
  findings: 'Apontamentos',
  skipped: 'ignorado',
  story: 'História: {story}',
  epic: 'Épico: {epic}',
  allPass: 'Todas as verificações foram aprovadas.',
  fix: 'Como corrigir:',
  severity: '({severity}):',
};
