import type { CompiledConfig } from '../compile.js';
import { storyBlock } from './story-block.js';
import { storySpan, type Span } from './story-span.js';
import { BLOCK_TAG, cellSpans, escapeWikiText, HEADING, LIST_ITEM, QUOTE_LINE, RULE, TABLE_ROW, readWiki } from '../ticket/wiki.js';
import { safeDesignUrl } from './safe-url.js';
import { SUCCESS_LABEL } from './story-skeleton.js';

/** What to write: the story sentence, the success metric (after "Success:"), the whole success line, a design link. */
export interface WikiEdit {
  story: string;
  /** The story is a job story ("When …"), read only before acceptance criteria or steps, not in a heading; absent: a user story. */
  job?: boolean;
  success: string;
  successLine: string;
  /** The success line to rewrite: its story language's label or "Success" (successMarker); absent: any language's. */
  successMarker?: RegExp;
  designUrl: string;
}

/**
 * Images and macros: markup the linter does not read as text, and that must outlive a rewrite. An
 * escaped character (a match that starts with a backslash) is text: "\!x.png\!" is no image.
 */
const TOKEN = /\\[\s\S]|!([^!\s|][^!|\n]{0,300}?)(?:\|[^!\n]{0,200})?!|\{[A-Za-z]+(?::[^}\n]{0,300})?\}/g;
const isMarkup = (token: string): boolean => !token.startsWith('\\');
/** Any language's success label: a German story's "Erfolg:" line is rewritten, not doubled. */
const SUCCESS = SUCCESS_LABEL;

/** The source with every image and macro blanked out: same length, so offsets carry over. */
const masked = (source: string): string => source.replace(TOKEN, (token) => (isMarkup(token) ? ' '.repeat(token.length) : token));

interface Line {
  start: number;
  end: number;
  raw: string;
}

function linesOf(source: string): Line[] {
  const lines: Line[] = [];
  for (let start = 0; start <= source.length; ) {
    const next = source.indexOf('\n', start);
    const stop = next < 0 ? source.length : next;
    const end = stop > start && source.charAt(stop - 1) === '\r' ? stop - 1 : stop;
    lines.push({ start, end, raw: source.slice(start, end) });
    if (next < 0) break;
    start = next + 1;
  }
  return lines;
}

/** The cells of a table row, each as the span between its bars. */
const cells = (line: Line, mask: string): Span[] =>
  cellSpans(mask.slice(line.start, line.end)).map(([start, end]) => ({ start: line.start + start, end: line.start + end }));

/** The span of a line after its markup prefix ("* ", "h3. ", "bq. ", "{panel}"). */
const rest = (line: Line, inner: string): Span => ({ start: line.end - inner.length, end: line.end });

/** A block's span in the source; a heading's says so (no job story is read in one). */
type Block = Span & { heading?: true };

/** What one line is, as the linter reads it: its own blocks, a paragraph line, a break, or code. */
interface LineRead {
  blocks?: Block[];
  paragraph?: Span;
  /** The code or noformat block it opens. */
  opens?: string;
}

function readLine(line: Line, mask: string): LineRead {
  const { raw } = line;
  const tag = BLOCK_TAG.exec(raw);
  if (tag) {
    const name = tag[1]!;
    const inner = rest(line, tag[2] ?? '');
    if (name !== 'code' && name !== 'noformat') return inner.start < inner.end ? { blocks: [], paragraph: inner } : { blocks: [] };
    const close = raw.indexOf(`{${name}}`, inner.start - line.start);
    return close < 0 ? { blocks: [], opens: name } : { blocks: [], paragraph: { start: line.start + close + name.length + 2, end: line.end } };
  }
  const heading = HEADING.exec(raw);
  if (heading) return { blocks: [{ ...rest(line, heading[1]!), heading: true }] };
  const quote = QUOTE_LINE.exec(raw);
  if (quote) return { blocks: [rest(line, quote[1]!)] };
  if (TABLE_ROW.test(raw)) return { blocks: cells(line, mask) };
  if (RULE.test(raw) || !raw.trim()) return { blocks: [] };
  const item = LIST_ITEM.exec(raw);
  return item ? { blocks: [rest(line, item[1]!)] } : { paragraph: { start: line.start, end: line.end } };
}

/**
 * The text blocks of wiki markup as spans of the source, in reading order, as the linter splits
 * them: paragraphs (over several lines), list items, headings, quotes, table cells; code skipped.
 * A line with blocks of its own ends the paragraph before it.
 */
function blocksOf(source: string, mask: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Span | null = null;
  let code: string | null = null;
  for (const line of linesOf(source)) {
    let read: LineRead;
    if (code) {
      const close = line.raw.indexOf(`{${code}}`);
      read = close < 0 ? {} : { paragraph: { start: line.start + close + code.length + 2, end: line.end } };
      if (close >= 0) code = null;
    } else read = readLine(line, mask);
    if (read.blocks) {
      if (paragraph) blocks.push(paragraph);
      paragraph = null;
      blocks.push(...read.blocks);
    }
    if (read.paragraph) paragraph = paragraph ? { start: paragraph.start, end: read.paragraph.end } : read.paragraph;
    code = read.opens ?? code;
  }
  if (paragraph) blocks.push(paragraph);
  return blocks;
}

/**
 * The span in the source of the story the linter reports (see storyBlock), and whether a job story
 * is read there; 'unplaced' when its block holds it but its span cannot be pinned down.
 */
function findStory(mask: string, blocks: Block[], compiled: CompiledConfig): { span: Span; jobReadable: boolean } | 'unplaced' | null {
  const found = storyBlock(blocks.map((b) => ({ text: mask.slice(b.start, b.end), heading: b.heading === true })), compiled);
  if (!found) return null;
  const block = blocks[found.index]!;
  const span = storySpan(mask.slice(block.start, block.end), compiled);
  return span ? { span: { start: block.start + span.start, end: block.start + span.end }, jobReadable: found.jobReadable } : 'unplaced';
}

/** The text after "Success:" to the end of its line, in the first block line that opens with it. */
function findSuccess(mask: string, blocks: Span[], story: Span | null, marker: RegExp): Span | null {
  for (const block of blocks) {
    // Lines of the block itself: a search for the next line break must not run past it (a row of thousands of cells).
    const text = mask.slice(block.start, block.end);
    for (let start = 0; start < text.length; ) {
      const newline = text.indexOf('\n', start);
      const lineEnd = newline < 0 ? text.length : newline;
      const found = marker.exec(text.slice(start, lineEnd));
      if (found) {
        let end = lineEnd;
        while (end > start && /\s/.test(text.charAt(end - 1))) end--;
        const span = { start: block.start + start + found[0].length, end: block.start + Math.max(end, start + found[0].length) };
        if (!(story && span.start < story.end && story.start < span.end)) return span;
      }
      start = lineEnd + 1;
    }
  }
  return null;
}

/** Replaces a span of the source; images and macros inside it are kept, after the new text. */
function splice(source: string, span: Span, replacement: string): string {
  const kept = (source.slice(span.start, span.end).match(TOKEN) ?? []).filter(isMarkup);
  const tokens = kept.map((token) => ` ${token}`).join('');
  const rest = source.slice(span.end);
  // The linter reads "phone.{panel}" as one sentence: a blank keeps a macro glued to the story out of it.
  const gap = (replacement || tokens) && /^[{\p{L}\p{N}]/u.test(rest) ? ' ' : '';
  return source.slice(0, span.start) + replacement + tokens + gap + rest;
}

/** Appends a paragraph after a blank line, in the source's own line endings, touching nothing before. */
function append(source: string, paragraph: string): string {
  if (!source.trim()) return paragraph;
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  return source + (source.endsWith(eol + eol) ? '' : source.endsWith(eol) ? eol : eol + eol) + paragraph;
}

/** Puts a paragraph first, followed by a blank line. */
function prepend(source: string, paragraph: string): string {
  if (!source.trim()) return paragraph;
  const eol = source.includes('\r\n') ? '\r\n' : '\n';
  return paragraph + eol + eol + source;
}

/**
 * Rewrites the story's own span and the success line's text, appends what is missing. Every other
 * character of the source is kept: bullets, table bars, panels, images. A job story is not written
 * where the parser reads none (under acceptance criteria, in a heading): the old story's text is
 * taken out, since lint would report it rather than the job story, and the job story goes first.
 */
export function rewriteWiki(source: string, edit: WikiEdit, compiled: CompiledConfig): string {
  const mask = masked(source);
  const blocks = blocksOf(source, mask);
  const found = findStory(mask, blocks, compiled);
  const story = found === 'unplaced' || found === null ? null : found.span;
  const inPlace = found !== 'unplaced' && found !== null && (found.jobReadable || edit.job !== true);
  const success = edit.success ? findSuccess(mask, blocks, story, edit.successMarker ?? SUCCESS) : null;
  // Later span first, so the earlier one's offsets still hold.
  const edits = [story && { span: story, text: inPlace ? escapeWikiText(edit.story) : '' }, success && { span: success, text: escapeWikiText(edit.success) }]
    .filter((e): e is { span: Span; text: string } => Boolean(e))
    .sort((a, b) => b.span.start - a.span.start);
  let out = edits.reduce((text, e) => splice(text, e.span, e.text), source);
  if (!inPlace) out = prepend(out, escapeWikiText(edit.story));
  if (edit.success && !success) out = append(out, escapeWikiText(edit.successLine));
  // Checked here too, whoever calls: the only link Centric writes is one https URL.
  const designUrl = safeDesignUrl(edit.designUrl);
  // A link the ticket has already (the modal pre-fills it) is not added again: a second submission changes nothing.
  if (designUrl && !readWiki(source).links.includes(designUrl)) out = append(out, `Design: [${designUrl}]`);
  return out;
}
