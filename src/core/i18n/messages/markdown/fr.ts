import type { en } from './en.js';

/** The Markdown report's words in French: see en.ts. */
export const fr: Record<keyof typeof en, string> = {
  title: 'Rapport Centric',
  ticket: 'Ticket',
  score: 'Score',
  result: 'Résultat',
  findings: 'Remarques',
  skipped: 'ignoré',
  story: 'User story\u00a0: {story}',
  epic: 'Epic\u00a0: {epic}',
  allPass: 'Toutes les vérifications sont réussies.',
  fix: 'À faire\u00a0:',
  severity: '({severity})\u00a0:',
};
