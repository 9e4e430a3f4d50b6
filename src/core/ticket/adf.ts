import type { BlockKind, TextBlock } from '../types.js';
import { trimLines } from './text.js';

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
  private size = 0;

  add(kind: BlockKind, text: string): void {
    const trimmed = trimLines(text);
    if (!trimmed) return;
    this.size += trimmed.length;
    if (this.size > ADF_LIMITS.maxText) {
      this.truncated = true;
      return;
    }
    this.blocks.push({ kind, text: trimmed });
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
      if (href) out.links.push(href);
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
    for (const child of children) {
      if (isNode(child)) text += inlineText(child, out);
    }
    out.visited += children.length;
    out.add(type === 'heading' ? 'heading' : type === 'codeBlock' ? 'code' : kind, text);
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
      if (url) out.links.push(url);
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
  for (const child of node.content) {
    if (out.truncated) return;
    if (isNode(child)) walk(child, depth + 1, childKind, type, out);
  }
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
