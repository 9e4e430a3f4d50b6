import type { en } from './en.js';

/** The Markdown report's words in Italian: see en.ts. */
export const it: Record<keyof typeof en, string> = {
  title: 'Report di Centric',
  ticket: 'Ticket',
  score: 'Punteggio',
  result: 'Esito',
  findings: 'Osservazioni',
  skipped: 'saltato',
  story: 'Storia: {story}',
  epic: 'Epic: {epic}',
  allPass: 'Tutti i controlli superati.',
  fix: 'Come sistemarlo:',
  severity: '({severity}):',
};
