import type { LintResult, Report, Summary } from '../types.js';

// Nested values of JSON.stringify(…, null, 2) are their own rendering, indented: a newline inside
// a string value is written "\n", so only the layout's newlines are real ones.
const indent = (json: string, by: string): string => json.replaceAll('\n', `\n${by}`);

/** How JSON.stringify({ reports: [report] }, null, 2) opens and closes around the report it indents. */
const PIECE_OPENING = '{\n  "reports": [\n'.length;
const PIECE_CLOSING = '\n  ]\n}'.length;

/**
 * The report contract of DESIGN.md, a piece at a time (a CLI run over 10,000 issues writes each
 * report as it comes): the document's opening with the first report, or a comma and the next.
 * The report is laid out inside the document's own wrapper and cut out of it: JSON.stringify
 * indents it as deep as it stands, so no second pass re-indents its lines (half the time).
 */
export function jsonReportPiece(report: Report, index: number): string {
  const wrapped = JSON.stringify({ reports: [report] }, null, 2);
  return `${index === 0 ? '{\n  "reports": [\n' : ',\n'}${wrapped.slice(PIECE_OPENING, wrapped.length - PIECE_CLOSING)}`;
}

/** The rest of the document after `count` report pieces: the summary, the closing brace. */
export function jsonClosing(summary: Summary, count: number): string {
  return `${count === 0 ? '{\n  "reports": []' : '\n  ]'},\n  "summary": ${indent(JSON.stringify(summary, null, 2), '  ')}\n}\n`;
}

/**
 * The report contract of DESIGN.md: exactly one JSON document, as JSON.stringify(result, null, 2)
 * lays it out; the same pieces as above, but one call lays out all (a quarter of their time).
 */
export function renderJson(result: LintResult): string {
  return `${JSON.stringify({ reports: result.reports, summary: result.summary }, null, 2)}\n`;
}
