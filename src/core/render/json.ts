import type { LintResult, Report, Summary } from '../types.js';

// Nested values of JSON.stringify(…, null, 2) are their own rendering, indented: a newline inside
// a string value is written "\n", so only the layout's newlines are real ones.
const indent = (json: string, by: string): string => json.replaceAll('\n', `\n${by}`);

/**
 * The report contract of DESIGN.md, a piece at a time (a CLI run over 10,000 issues writes each
 * report as it comes): the document's opening with the first report, or a comma and the next.
 */
export function jsonReportPiece(report: Report, index: number): string {
  return `${index === 0 ? '{\n  "reports": [\n' : ',\n'}    ${indent(JSON.stringify(report, null, 2), '    ')}`;
}

/** The rest of the document after `count` report pieces: the summary, the closing brace. */
export function jsonClosing(summary: Summary, count: number): string {
  return `${count === 0 ? '{\n  "reports": []' : '\n  ]'},\n  "summary": ${indent(JSON.stringify(summary, null, 2), '  ')}\n}\n`;
}

/** The report contract of DESIGN.md: exactly one JSON document, as JSON.stringify(result, null, 2) lays it out. */
export function renderJson(result: LintResult): string {
  return result.reports.map(jsonReportPiece).join('') + jsonClosing(result.summary, result.reports.length);
}
