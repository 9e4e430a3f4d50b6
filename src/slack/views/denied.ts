import type { Denied } from '../../flows/access.js';
import { HOW_TO_LINK } from './link.js';

const VERB = { BROWSE_PROJECTS: 'browse', EDIT_ISSUES: 'edit' } as const;

/**
 * Why Centric will not do it for this person. The same words whether the ticket exists or not:
 * a refusal must not tell what is there.
 */
export function deniedLine(denied: Denied): string {
  if (denied.kind === 'not-linked') return `Link your Jira account first: Centric shows and changes only what your own Jira account may. ${HOW_TO_LINK}`;
  const what = denied.permission === 'EDIT_ISSUES' ? 'change it' : 'show it';
  return `Your Jira account may not ${VERB[denied.permission]} ${denied.target} (or it does not exist), so Centric will not ${what} for you either.`;
}
