import type { CompiledConfig } from '../compile.js';
import { ADF_LIMITS } from '../ticket/adf.js';
import { safeDesignUrl } from './safe-url.js';
import { storyBlock } from './story-block.js';
import { storySpan, type Span } from './story-span.js';
import { SUCCESS_LABEL } from './story-skeleton.js';

export type AdfNode = { type: string; content?: AdfNode[]; text?: string; attrs?: Record<string, unknown>; marks?: unknown[] };
type Path = number[];

/** What to write: the story sentence, the success metric (after "Success:"), a design link. */
export interface AdfEdit {
  story: string;
  /** The story is a job story ("When …"), read only before acceptance criteria or steps, not in a heading; absent: a user story. */
  job?: boolean;
  successLine: string;
  /** The success line to rewrite: its story language's label or "Success" (successMarker); absent: any language's. */
  successMarker?: RegExp;
  success: string;
  designUrl: string;
}

/** Nodes whose children are inline: the story is rewritten inside one of them. */
const TEXTBLOCKS = new Set(['paragraph', 'heading', 'taskItem', 'decisionItem']);
/** Any language's success label: a German story's "Erfolg:" line is rewritten, not doubled. */
const SUCCESS = SUCCESS_LABEL;

const paragraph = (...content: AdfNode[]): AdfNode => ({ type: 'paragraph', content });
const text = (value: string, marks?: unknown[]): AdfNode => (marks && marks.length > 0 ? { type: 'text', text: value, marks } : { type: 'text', text: value });

/** Text and line breaks are what a story is written in; every other inline node is kept. */
const isProse = (node: AdfNode): boolean => node.type === 'text' || node.type === 'hardBreak';

/**
 * The text of one inline node for finding the story: text as it is, a line break as a new line,
 * any other inline node (mention, emoji, media, card…) as one blank. The linter reads a mention's
 * name glued to the text ("basket.@Priya"), which would pull everything after it into the story;
 * as a blank it ends the sentence, so an inline node next to the story is never part of it.
 */
function inlineText(node: AdfNode): string {
  if (node.type === 'text') return typeof node.text === 'string' ? node.text : '';
  return node.type === 'hardBreak' ? '\n' : ' ';
}

interface Piece {
  node: AdfNode;
  start: number;
  end: number;
}

/** The inline children of a textblock with where each one's text sits in the block's text. */
function piecesOf(block: AdfNode): { text: string; pieces: Piece[] } {
  let all = '';
  const pieces: Piece[] = [];
  for (const node of block.content ?? []) {
    const start = all.length;
    all += inlineText(node);
    pieces.push({ node, start, end: all.length });
  }
  return { text: all, pieces };
}

/** A link mark Centric would not write itself: any href but one https URL. */
function unsafeLink(mark: unknown): boolean {
  if (!mark || typeof mark !== 'object' || (mark as { type?: unknown }).type !== 'link') return false;
  const href = (mark as { attrs?: { href?: unknown } }).attrs?.href;
  return typeof href !== 'string' || !safeDesignUrl(href);
}

/**
 * Marks every replaced text node carried (a story written all in bold stays bold); a link mark
 * only when it is an https link, since the new text is written by Centric.
 */
function commonMarks(nodes: AdfNode[]): unknown[] | undefined {
  const texts = nodes.filter((n) => n.type === 'text');
  if (texts.length === 0) return undefined;
  const key = (m: unknown) => JSON.stringify(m);
  return (texts[0]!.marks ?? []).filter((m) => !unsafeLink(m) && texts.every((t) => (t.marks ?? []).some((o) => key(o) === key(m))));
}

/** A piece of a text node made by the rewrite, remembered so it may be joined to its neighbour. */
function cutFrom(node: AdfNode, part: string, cut: Set<AdfNode>): AdfNode {
  const piece = { ...node, text: part };
  cut.add(piece);
  return piece;
}

const marksKey = (node: AdfNode): string => JSON.stringify(node.marks ?? []);

/** Joins the new text to a cut-off part with the same marks: "Context. " + "As a…" stays one node. */
function joinCuts(content: AdfNode[], cut: Set<AdfNode>): AdfNode[] {
  const out: AdfNode[] = [];
  for (const node of content) {
    const last = out[out.length - 1];
    if (last && cut.has(last) && cut.has(node) && last.type === 'text' && node.type === 'text' && marksKey(last) === marksKey(node)) {
      out[out.length - 1] = cutFrom(last, last.text! + node.text!, cut);
    } else out.push(node);
  }
  return out;
}

/**
 * Replaces the text in `span` of a textblock's inline content. Text and line breaks in the span
 * go; a text node crossing its edges is cut (the outer part keeps its marks); any other inline
 * node inside it (media, mention, emoji, card…) is kept, moved just after the new text. Returns
 * the new block and where the new text sits in it.
 */
function replaceText(block: AdfNode, span: Span, replacement: string): { block: AdfNode; at: Span } {
  const before: AdfNode[] = [];
  const after: AdfNode[] = [];
  const replaced: AdfNode[] = [];
  const moved: AdfNode[] = [];
  const cut = new Set<AdfNode>();
  for (const { node, start, end } of piecesOf(block).pieces) {
    if (end <= span.start) before.push(node);
    else if (start >= span.end) after.push(node);
    else if (!isProse(node)) moved.push(node);
    else {
      replaced.push(node);
      if (node.type !== 'text') continue;
      const head = node.text!.slice(0, Math.max(0, span.start - start));
      const tail = node.text!.slice(Math.max(0, span.end - start));
      if (head) before.push(cutFrom(node, head, cut));
      if (tail) after.push(cutFrom(node, tail, cut));
    }
  }
  const offset = before.reduce((n, node) => n + inlineText(node).length, 0);
  const kept = moved.length > 0 ? [text(' '), ...moved] : [];
  // The linter reads "phone.@Priya" as one sentence: a blank keeps a following mention out of the story.
  const glued = moved.length === 0 && after[0] !== undefined && !isProse(after[0]);
  const written = glued ? `${replacement} ` : replacement;
  // Nothing written (a story taken away) leaves no node: ADF allows no empty text node.
  const fresh = written ? [cutFrom(text(written, commonMarks(replaced)), written, cut)] : [];
  const content = joinCuts([...before, ...fresh, ...kept, ...after], cut);
  return { block: { ...block, content }, at: { start: offset, end: offset + replacement.length } };
}

/** Depth-first, in reading order: the path of the first textblock `test` accepts. */
function findBlock(node: AdfNode, test: (block: AdfNode, path: Path) => boolean, path: Path = []): Path | null {
  if (TEXTBLOCKS.has(node.type)) return test(node, path) ? path : null;
  if (!Array.isArray(node.content) || path.length > ADF_LIMITS.maxDepth) return null;
  for (let i = 0; i < node.content.length; i++) {
    const child = node.content[i];
    if (!child || typeof child !== 'object') continue;
    const found = findBlock(child, test, [...path, i]);
    if (found) return found;
  }
  return null;
}

/** A copy of `root` with the node at `path` replaced; every node off the path keeps its identity. */
function updateAt(root: AdfNode, path: Path, change: (node: AdfNode) => AdfNode): AdfNode {
  if (path.length === 0) return change(root);
  const [i, ...rest] = path as [number, ...number[]];
  const content = [...root.content!];
  content[i] = updateAt(content[i]!, rest, change);
  return { ...root, content };
}

/** Every textblock, depth-first in reading order, with its path. */
function textblocksOf(node: AdfNode, path: Path = [], out: Array<{ path: Path; node: AdfNode }> = []): Array<{ path: Path; node: AdfNode }> {
  if (TEXTBLOCKS.has(node.type)) out.push({ path, node });
  else if (Array.isArray(node.content) && path.length <= ADF_LIMITS.maxDepth) {
    node.content.forEach((child, i) => {
      if (child && typeof child === 'object') textblocksOf(child, [...path, i], out);
    });
  }
  return out;
}

/**
 * The story's block, the textblock that holds the story the linter reports (see storyBlock), the
 * story's span inside it (null when it cannot be pinned down), and whether a job story is read there.
 */
function findStory(doc: AdfNode, compiled: CompiledConfig): { path: Path; span: Span | null; jobReadable: boolean } | null {
  const blocks = textblocksOf(doc).map(({ path, node }) => ({ path, text: piecesOf(node).text, heading: node.type === 'heading' }));
  const found = storyBlock(blocks, compiled);
  if (!found) return null;
  const block = blocks[found.index]!;
  return { path: block.path, span: storySpan(block.text, compiled), jobReadable: found.jobReadable };
}

const overlaps = (a: Span, b: Span | null): boolean => b !== null && a.start < b.end && b.start < Math.max(a.end, a.start + 1);

/**
 * The text after "Success:" to the end of its line, in a paragraph line that opens with it;
 * `avoid` is the new story's span, which a line shared with it must not swallow.
 */
function successSpan(block: AdfNode, avoid: Span | null, marker: RegExp): Span | null {
  if (block.type !== 'paragraph') return null;
  const all = piecesOf(block).text;
  for (let lineStart = 0; lineStart <= all.length; ) {
    const newline = all.indexOf('\n', lineStart);
    const lineEnd = newline < 0 ? all.length : newline;
    const found = marker.exec(all.slice(lineStart, lineEnd));
    let end = lineEnd;
    while (end > lineStart && /\s/.test(all.charAt(end - 1))) end--;
    const span = found ? { start: lineStart + found[0].length, end: Math.max(end, lineStart + found[0].length) } : null;
    if (span && !overlaps(span, avoid)) return span;
    if (newline < 0) break;
    lineStart = newline + 1;
  }
  return null;
}

const samePath = (a: Path, b: Path): boolean => a.length === b.length && a.every((v, i) => v === b[i]);

/**
 * The story written into its own block, or put first when the ticket has none. A job story is not
 * written where the parser reads none (under acceptance criteria, in a heading): the old story is
 * taken out of its block, since lint would report it rather than the job story, and the job story goes first.
 */
function putStory(doc: AdfNode, story: string, job: boolean, compiled: CompiledConfig): { doc: AdfNode; path: Path; at: Span } {
  const found = findStory(doc, compiled);
  if (found?.span) {
    const written = job && !found.jobReadable ? '' : story;
    let at: Span = found.span;
    const updated = updateAt(doc, found.path, (block) => {
      const result = replaceText(block, found.span!, written);
      at = result.at;
      return result.block;
    });
    if (written) return { doc: updated, path: found.path, at };
    doc = updated;
  }
  return { doc: { ...doc, content: [paragraph(text(story)), ...(doc.content ?? [])] }, path: [0], at: { start: 0, end: story.length } };
}

/** The success text written after the first "Success:" outside the story, or a line appended. */
function putSuccess(doc: AdfNode, story: { path: Path; at: Span }, edit: AdfEdit): AdfNode {
  let span: Span | null = null;
  const path = findBlock(doc, (block, at) => (span = successSpan(block, samePath(at, story.path) ? story.at : null, edit.successMarker ?? SUCCESS)) !== null);
  if (path && span) return updateAt(doc, path, (block) => replaceText(block, span!, edit.success).block);
  return { ...doc, content: [...(doc.content ?? []), paragraph(text(edit.successLine))] };
}

/** True when a link mark or an inline card of the document points at the URL. */
function linksTo(node: AdfNode, url: string, depth = 0): boolean {
  if (depth > ADF_LIMITS.maxDepth) return false;
  if ((node.marks as Array<{ type?: string; attrs?: { href?: string } }> | undefined)?.some((m) => m.type === 'link' && m.attrs?.href === url)) return true;
  if ((node.type === 'inlineCard' || node.type === 'blockCard') && (node.attrs as { url?: string } | undefined)?.url === url) return true;
  return (node.content ?? []).some((child) => linksTo(child, url, depth + 1));
}

/**
 * Rewrites the story inside its own textblock and the success line inside its own paragraph;
 * appends what is missing. Nothing outside those spans is removed or changed.
 */
export function rewriteAdf(original: AdfNode, edit: AdfEdit, compiled: CompiledConfig): AdfNode {
  const story = putStory(original, edit.story, edit.job === true, compiled);
  let doc = edit.success ? putSuccess(story.doc, story, edit) : story.doc;
  // Checked here too, whoever calls: the only link Centric writes is one https URL.
  const designUrl = safeDesignUrl(edit.designUrl);
  // A link the ticket has already (the modal pre-fills it) is not added again: a second submission changes nothing.
  if (designUrl && !linksTo(original, designUrl)) {
    const link = [{ type: 'link', attrs: { href: designUrl } }];
    doc = { ...doc, content: [...(doc.content ?? []), paragraph(text('Design: '), text(designUrl, link))] };
  }
  return doc;
}
