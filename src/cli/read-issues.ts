import { checkIssue } from '../jira/issue-schema.js';
import type { JiraIssue } from '../core/ticket/normalise.js';
import { errorText } from '../runtime/errors.js';

export class InputError extends Error {
  override name = 'InputError';
}

function parseDocuments(text: string, source: string): unknown[] {
  if (!text.trim()) throw new InputError(`${source}: empty input: expected a Jira issue, an array of issues, a search response or NDJSON`);
  try {
    return [JSON.parse(text)];
  } catch (wholeError) {
    const lines = text.split('\n');
    if (lines.filter((l) => l.trim()).length < 2) {
      throw new InputError(`${source}: invalid JSON: ${errorText(wholeError)}`);
    }
    return lines.flatMap((line, i) => {
      if (!line.trim()) return [];
      try {
        return [JSON.parse(line)];
      } catch (err) {
        throw new InputError(`${source}:${i + 1}: invalid JSON (read as NDJSON, one issue per line): ${errorText(err)}`);
      }
    });
  }
}

function issuesOf(doc: unknown): unknown[] {
  if (Array.isArray(doc)) return doc;
  if (doc && typeof doc === 'object' && Array.isArray((doc as { issues?: unknown }).issues)) {
    return (doc as { issues: unknown[] }).issues;
  }
  return [doc];
}

/**
 * Reads the issues in one input: one issue, an array of them, a search response ({issues:[…]})
 * or NDJSON. Throws an InputError naming the source and the first thing wrong.
 */
export function readIssues(text: string, source: string): JiraIssue[] {
  const values = parseDocuments(text, source).flatMap(issuesOf);
  return values.map((value, i) => {
    const check = checkIssue(value);
    if (check.ok) return check.issue;
    const which = values.length > 1 ? ` issue ${i + 1}` : '';
    throw new InputError(`${source}:${which} ${check.problem}`);
  });
}
