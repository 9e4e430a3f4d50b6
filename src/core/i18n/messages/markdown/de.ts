import type { en } from './en.js';

/** The Markdown report's words in German: see en.ts. */
export const de: Record<keyof typeof en, string> = {
  title: 'Centric-Bericht',
  ticket: 'Ticket',
  score: 'Punktzahl',
  result: 'Ergebnis',
  findings: 'Befunde',
  skipped: 'übersprungen',
  story: 'Story: {story}',
  epic: 'Epic: {epic}',
  allPass: 'Alle Prüfungen bestanden.',
  fix: 'Tipp:',
  severity: '({severity}):',
};
