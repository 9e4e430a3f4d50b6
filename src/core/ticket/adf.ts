import type { BlockKind, BlockLink, TextBlock } from '../types.js';
import { breakAfterLabel, breakLeadingPictographs, trimLines } from './text.js';

/** Limits that keep a hostile document from hanging or exhausting the process. */
export const ADF_LIMITS = { maxDepth: 64, maxNodes: 50_000, maxText: 1_000_000 };

export interface RichText {
  blocks: TextBlock[];
  links: string[];
  images: string[];
  truncated: boolean;
}

interface AdfNode {
  type?: unknown;
  text?: unknown;
  attrs?: Record<string, unknown>;
  marks?: unknown;
  content?: unknown;
}

const IMAGE_FILE = /\.(?:png|jpe?g|gif|svg|webp|bmp|heic|avif)$/i;
const TEXT_CONTAINERS = new Set(['paragraph', 'heading', 'codeBlock']);
const KIND_OF_ANCESTOR: Record<string, BlockKind> = {
  listItem: 'listItem',
  taskItem: 'listItem',
  decisionItem: 'listItem',
  blockquote: 'quote',
  tableCell: 'tableCell',
  tableHeader: 'tableCell',
};

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const isNode = (v: unknown): v is AdfNode => typeof v === 'object' && v !== null && !Array.isArray(v);

class Collector {
  blocks: TextBlock[] = [];
  links: string[] = [];
  images: string[] = [];
  truncated = false;
  visited = 0;
  /** The row of the table being read, and the cell its blocks go in. */
  row = 0;
  cell: TextBlock['cell'] = undefined;
  /** Links on other words than their address, read since the last block: the next block's own. */
  onWords: BlockLink[] = [];
  private size = 0;

  add(kind: BlockKind, text: string): void {
    const trimmed = trimLines(text);
    const links = this.onWords;
    if (links.length > 0) this.onWords = [];
    if (!trimmed) return;
    this.size += trimmed.length;
    if (this.size > ADF_LIMITS.maxText) {
      this.truncated = true;
      return;
    }
    const block: TextBlock = this.cell ? { kind, text: trimmed, cell: this.cell } : { kind, text: trimmed };
    if (links.length > 0) block.links = links;
    this.blocks.push(block);
  }

  /** A card stands on its own: read with the block before it ("PR/FAQ:", then the card). */
  card(url: string): void {
    this.links.push(url);
    const last = this.blocks[this.blocks.length - 1];
    if (last) (last.links ??= []).push({ text: '', url });
  }
}

function linkOf(node: AdfNode): string {
  if (!Array.isArray(node.marks)) return '';
  for (const mark of node.marks) {
    if (isNode(mark) && mark.type === 'link') return str(mark.attrs?.href);
  }
  return '';
}

function mediaName(node: AdfNode, parentType: string): string | null {
  const attrs = node.attrs ?? {};
  const name = str(attrs.alt) || str(attrs.url) || str(attrs.id);
  if (!name) return null;
  if (attrs.type === 'external' || parentType === 'mediaSingle' || attrs.type === 'image') return name;
  // mediaGroup holds file cards: only an image file counts as something people can see.
  return IMAGE_FILE.test(name) ? name : null;
}

/** The inline text of a node: text, mentions, emoji, dates, cards, hard breaks. */
function inlineText(node: AdfNode, out: Collector): string {
  const attrs = node.attrs ?? {};
  switch (node.type) {
    case 'text': {
      const href = linkOf(node);
      if (href) {
        out.links.push(href);
        // Per link, not per block: a paragraph of thousands of links stays linear.
        if (!str(node.text).includes(href)) out.onWords.push({ text: str(node.text), url: href });
      }
      return str(node.text);
    }
    case 'hardBreak':
      return '\n';
    case 'mention':
      return str(attrs.text) || '@someone';
    case 'emoji':
      return str(attrs.text) || str(attrs.shortName);
    case 'status':
      return str(attrs.text);
    case 'date': {
      const ms = Number(attrs.timestamp);
      return Number.isFinite(ms) ? new Date(ms).toISOString().slice(0, 10) : '';
    }
    case 'inlineCard': {
      const url = str(attrs.url);
      if (url) out.links.push(url);
      return url;
    }
    case 'mediaInline': {
      const name = mediaName(node, 'mediaInline');
      if (name) out.images.push(name);
      return '';
    }
    default:
      return '';
  }
}

/** Inline nodes that stand for a thing (a person, a lozenge, an icon, a day, a page), not for words. */
const ATOMS = new Set(['mention', 'emoji', 'status', 'date', 'inlineCard']);
const INLINE = new Set([...ATOMS, 'text', 'hardBreak', 'mediaInline']);
/** Block nodes whose text is inline children, with no paragraph around it. */
const INLINE_HOLDERS = new Set(['taskItem', 'decisionItem']);

/**
 * The text of a paragraph or heading as a reader sees it. An atom is kept apart from the words
 * next to it by a blank ("basket.@Priya" would make the mention part of the sentence, "DRAFTAs a"
 * hides the story); atoms that open a line (a status lozenge, an emoji, a mention before "As a …")
 * are a label, set on a line of their own so the sentence after them starts a line, as it would
 * without them. Pictographs typed as text are labels too, as in wiki markup and plain text.
 */
function proseOf(children: unknown[], out: Collector): string {
  // Most paragraphs hold words only: read as they always were, with nothing to set apart.
  if (!children.some((c) => isNode(c) && ATOMS.has(str(c.type)))) {
    let text = '';
    for (const child of children) if (isNode(child)) text += inlineText(child, out);
    return breakLeadingPictographs(text);
  }
  // Built line by line, each piece looked at once: a hostile paragraph of 50,000 nodes stays linear.
  const lines: string[] = [];
  let line = '';
  /** The line so far holds atoms and no words. */
  let label = false;
  let words = false;
  let afterAtom = false;
  const blankEnd = (): boolean => line === '' || /\s/.test(line.charAt(line.length - 1));
  for (const child of children) {
    if (!isNode(child)) continue;
    const piece = inlineText(child, out);
    if (!piece) continue;
    if (ATOMS.has(str(child.type))) {
      line += (blankEnd() ? '' : ' ') + piece;
      label ||= !words;
      afterAtom = true;
      continue;
    }
    const parts = piece.split('\n');
    for (let k = 0; k < parts.length; k++) {
      if (k > 0) {
        lines.push(line);
        line = '';
        label = words = afterAtom = false;
      }
      const part = parts[k]!;
      const wordy = part.trim() !== '';
      if (label && wordy) line = breakAfterLabel(line, part);
      else line += afterAtom && !blankEnd() && /^[\p{L}\p{N}]/u.test(part) ? ` ${part}` : part;
      if (wordy) {
        words = true;
        label = false;
      }
      if (part) afterAtom = false;
    }
  }
  lines.push(line);
  return breakLeadingPictographs(lines.join('\n'));
}

/** Reads one node and, through it, its descendants; `kind` is what its text blocks will be. */
function walk(node: AdfNode, depth: number, kind: BlockKind, parentType: string, out: Collector): void {
  if (++out.visited > ADF_LIMITS.maxNodes || depth > ADF_LIMITS.maxDepth) {
    out.truncated = true;
    return;
  }
  const type = str(node.type);
  if (TEXT_CONTAINERS.has(type)) {
    const children = Array.isArray(node.content) ? node.content : [];
    let text = '';
    if (type === 'codeBlock') {
      for (const child of children) if (isNode(child)) text += inlineText(child, out);
    } else {
      text = proseOf(children, out);
    }
    out.visited += children.length;
    out.add(type === 'heading' ? 'heading' : type === 'codeBlock' ? 'code' : kind, text);
    return;
  }
  if (INLINE_HOLDERS.has(type) && Array.isArray(node.content)) {
    // A task or decision holds its text inline, not in a paragraph: read each run of inline nodes
    // as one line, as a paragraph's, or "[x] As a nurse, I want…" splits into a block per node.
    let run: unknown[] = [];
    const flushRun = (): void => {
      if (run.length > 0) out.add('listItem', proseOf(run, out));
      out.visited += run.length;
      run = [];
    };
    for (const child of node.content) {
      if (out.truncated) return;
      if (isNode(child) && INLINE.has(str(child.type))) run.push(child);
      else {
        flushRun();
        if (isNode(child)) walk(child, depth + 1, 'listItem', type, out);
      }
    }
    flushRun();
    return;
  }
  switch (type) {
    case 'media': {
      const name = mediaName(node, parentType);
      if (name) out.images.push(name);
      return;
    }
    case 'blockCard':
    case 'embedCard': {
      const url = str(node.attrs?.url);
      if (url) out.card(url);
      return;
    }
    case 'text':
    case 'inlineCard':
    case 'mediaInline':
      out.add(kind, inlineText(node, out));
      return;
  }
  if (!Array.isArray(node.content)) return;
  const childKind = KIND_OF_ANCESTOR[type] ?? kind;
  // A table's blocks say which row and column they stand in; a table in a cell has its own.
  const { row, cell } = out;
  for (let i = 0; i < node.content.length; i++) {
    if (out.truncated) break;
    const child: unknown = node.content[i];
    if (type === 'table') out.row = i;
    else if (type === 'tableRow') out.cell = { row: out.row, column: i };
    if (isNode(child)) walk(child, depth + 1, childKind, type, out);
  }
  out.row = row;
  out.cell = cell;
}

/**
 * Walks an ADF document into text blocks, links and images. Unknown nodes are walked, not
 * rejected; the walk is bounded in depth (so recursion is safe), node count and text size.
 */
export function readAdf(doc: unknown): RichText {
  const out = new Collector();
  if (isNode(doc)) walk(doc, 0, 'paragraph', '', out);
  return { blocks: out.blocks, links: out.links, images: out.images, truncated: out.truncated };
}
