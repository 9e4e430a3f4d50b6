/** An epic's answers in one line, for `centric lint` text and markdown: the findings say what is missing. */
import type { Report } from '../types.js';

/** 'customer "night nurse", metric "checkout conversion", PR/FAQ https://…'; null when the report is no epic's or names nothing. */
export function epicDetail(report: Report): string | null {
  const e = report.epic;
  if (!e) return null;
  const parts = [
    ...(e.persona ? [`customer "${e.persona}"`] : []),
    ...(e.metric ? [`metric "${e.metric}"`] : []),
    ...(e.prfaq ? [e.prfaq === 'description' ? 'PR/FAQ in the description' : `PR/FAQ ${e.prfaq}`] : []),
  ];
  return parts.length > 0 ? parts.join(', ') : null;
}
