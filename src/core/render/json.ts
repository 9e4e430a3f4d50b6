import type { LintResult } from '../types.js';

/** The report contract of DESIGN.md: exactly one JSON document. */
export function renderJson(result: LintResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
