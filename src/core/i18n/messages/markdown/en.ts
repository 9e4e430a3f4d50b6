import type { Catalog } from '../../translate.js';

/**
 * The words of `centric lint --format markdown` and `centric audit --format markdown`
 * (render/markdown.ts) around the findings, which arrive in their own language. Plain text with no
 * Markdown in it: {story} and {epic} arrive escaped, and the renderer adds the markup.
 */
export const en = {
  title: 'Centric report',
  ticket: 'Ticket',
  score: 'Score',
  result: 'Result',
  findings: 'Findings',
  skipped: 'skipped',
  story: 'Story: {story}',
  epic: 'Epic: {epic}',
  allPass: 'Every check passes.',
  fix: 'Fix:',
  // After the rule's name, before the finding: French puts a no-break space before the colon.
  severity: '({severity}):',
} as const satisfies Catalog;
