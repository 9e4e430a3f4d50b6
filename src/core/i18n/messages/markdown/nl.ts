import type { en } from './en.js';

/** The Markdown report's words in Dutch: see en.ts. */
export const nl: Record<keyof typeof en, string> = {
  title: 'Centric-rapport',
  ticket: 'Ticket',
  score: 'Score',
  result: 'Resultaat',
  findings: 'Bevindingen',
  skipped: 'overgeslagen',
  story: 'Story: {story}',
  epic: 'Epic: {epic}',
  allPass: 'Alle controles geslaagd.',
  fix: 'Oplossing:',
  severity: '({severity}):',
};
