import type { IssueList } from '../core/lint.js';
import { checkIssue } from '../jira/issue-schema.js';
import type { JiraIssue } from '../core/ticket/normalise.js';
import { errorText } from '../runtime/errors.js';

export class InputError extends Error {
  override name = 'InputError';
}

/**
 * A parser's message about the input, fit for a terminal: control characters and what was no
 * UTF-8 (binary input) are shown as escapes, never written as they are, and a long quote is cut.
 */
function jsonError(err: unknown): string {
  const text = errorText(err).replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\ufffd]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/** A UTF-8 byte order mark (Windows editors write one) is no part of the JSON. */
const withoutBom = (text: string): string => (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);

function parseDocuments(input: string, source: string): unknown[] {
  const text = withoutBom(input);
  if (!text.trim()) throw new InputError(`${source}: empty input: expected a Jira issue, an array of issues, a search response or NDJSON`);
  try {
    return [JSON.parse(text)];
  } catch (wholeError) {
    const lines = text.split('\n');
    if (lines.filter((l) => l.trim()).length < 2) {
      throw new InputError(`${source}: invalid JSON: ${jsonError(wholeError)}`);
    }
    return lines.flatMap((line, i) => {
      if (!line.trim()) return [];
      try {
        return [JSON.parse(line)];
      } catch (err) {
        throw new InputError(`${source}:${i + 1}: invalid JSON (read as NDJSON, one issue per line): ${jsonError(err)}`);
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
 * The issue check, and the issue type: Centric lints by type (stories, epics), and an issue
 * without one would be skipped without a word. A search that did not ask for it is the usual cause.
 */
function checkInput(value: unknown): ReturnType<typeof checkIssue> {
  const check = checkIssue(value);
  if (check.ok && !check.issue.fields.issuetype?.name) {
    return { ok: false, problem: `${check.issue.key}: fields.issuetype is missing: Centric lints by issue type (Story, Epic…); ask Jira for it (fields=summary,description,issuetype,…)` };
  }
  return check;
}

/**
 * Reads the issues in one input: one issue, an array of them, a search response ({issues:[…]})
 * or NDJSON. Throws an InputError naming the source and the first thing wrong.
 */
export function readIssues(text: string, source: string): JiraIssue[] {
  const values = parseDocuments(text, source).flatMap(issuesOf);
  return values.map((value, i) => {
    const check = checkInput(value);
    if (check.ok) return check.issue;
    const which = values.length > 1 ? ` issue ${i + 1}` : '';
    throw new InputError(`${source}:${which} ${check.problem}`);
  });
}

const isBlank = (c: number | undefined): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function skipBlank(bytes: Uint8Array, from: number): number {
  let i = from;
  while (i < bytes.length && isBlank(bytes[i])) i++;
  return i;
}

/**
 * Where each element of a top-level JSON array lies in UTF-8 bytes: [start, end) pairs, blanks
 * included (JSON.parse skips them). Null when the input is not plainly an array: the caller then
 * parses it whole, for the whole-document error. Only the separators are checked here; each
 * element is checked by JSON.parse on its own, so the pieces are valid JSON exactly when the
 * document is. (Quotes, backslashes and brackets are ASCII, never part of a multi-byte character.)
 */
export function arrayElements(bytes: Uint8Array): number[] | null {
  const open = skipBlank(bytes, 0);
  if (bytes[open] !== 0x5b) return null;
  const spans: number[] = [];
  let depth = 0;
  let start = open + 1;
  for (let i = start; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x22) {
      // A string: to its closing quote, past escaped characters.
      for (i++; i < bytes.length && bytes[i] !== 0x22; i++) if (bytes[i] === 0x5c) i++;
    } else if (c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x5d || c === 0x7d) {
      if (depth > 0) {
        depth--;
        continue;
      }
      if (c !== 0x5d) return null;
      // "[]" has no element; "[1,]" has an empty one, which JSON.parse refuses.
      if (spans.length > 0 || skipBlank(bytes, start) < i) spans.push(start, i);
      return skipBlank(bytes, i + 1) === bytes.length ? spans : null;
    } else if (c === 0x2c && depth === 0) {
      spans.push(start, i);
      start = i + 1;
    }
  }
  return null;
}

/**
 * UTF-16, which JSON parsing would call garbage: its byte order mark, or (without one) a zero byte
 * beside each of the first characters, as ASCII text in UTF-16 has.
 */
function isUtf16(bytes: Buffer): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return true;
  if (bytes.length < 4) return false;
  return (bytes[0] !== 0 && bytes[1] === 0 && bytes[2] !== 0 && bytes[3] === 0) || (bytes[0] === 0 && bytes[1] !== 0 && bytes[2] === 0 && bytes[3] !== 0);
}

/** The bytes as text; past what a JavaScript string holds (about 512 MB), an input error naming the file. */
function decode(input: Buffer, source: string, start = 0, end = input.length): string {
  try {
    return input.toString('utf8', start, end);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_STRING_TOO_LONG') throw new InputError(`${source}: cannot be read (ERR_STRING_TOO_LONG)`);
    throw err;
  }
}

/**
 * Like readIssues, from the input's bytes; but a JSON array (the usual large input: an export of
 * thousands of issues) is never decoded or parsed whole: each issue is parsed and checked in turn,
 * only its type kept, and parsed again when it is linted. Neither the whole text nor the whole
 * tree sits in memory, and an input error still stops the run before any report is written.
 */
export function readIssueList(bytes: Buffer, source: string): IssueList {
  // A UTF-8 byte order mark (Windows editors write one) is no part of the JSON.
  const input = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  if (isUtf16(input)) throw new InputError(`${source}: the file is UTF-16 text (PowerShell's > writes it): save it as UTF-8, e.g. Get-Content FILE | Set-Content -Encoding utf8 FILE2`);
  const spans = arrayElements(input);
  if (!spans) return readIssues(decode(input, source), source);
  const count = spans.length / 2;
  const parse = (i: number): unknown => JSON.parse(decode(input, source, spans[2 * i], spans[2 * i + 1]));
  const types: string[] = new Array(count);
  for (let i = 0; i < count; i++) {
    let value: unknown;
    try {
      value = parse(i);
    } catch (err) {
      if (err instanceof InputError) throw err;
      // Not valid JSON after all: the whole document's parse words the error, as for any input.
      return readIssues(decode(input, source), source);
    }
    const check = checkInput(value);
    // A wrong issue before a JSON error further on: the JSON error is said first, as for any input.
    if (!check.ok) return readIssues(decode(input, source), source);
    types[i] = check.issue.fields.issuetype?.name ?? '';
  }
  return { length: count, at: (i) => (i >= 0 && i < count ? (parse(i) as JiraIssue) : undefined), typeAt: (i) => types[i] ?? '' };
}
