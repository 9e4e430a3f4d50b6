import type { BlockKind } from '../types.js';
import type { RichText } from './adf.js';
import { trimLines } from './text.js';

/** Longer descriptions are cut here; Jira itself caps a text field at 32,767 characters. */
export const WIKI_MAX_CHARS = 1_000_000;

// The block syntax, shared with the story rewrite so it looks for the story in the blocks read here.
export const HEADING = /^h[1-6]\.\s+(.*)$/;
export const LIST_ITEM = /^\s*[*#-]+\s+(.*)$/;
export const QUOTE_LINE = /^bq\.\s+(.*)$/;
export const TABLE_ROW = /^\s*\|/;
export const BLOCK_TAG = /^\s*\{(code|noformat|quote|panel)(?::[^}]*)?\}\s*(.*)$/;
export const RULE = /^\s*-{4,}\s*$/;

// Every span is bounded: an unclosed "*" or "[" in a 100 KB line must not make matching quadratic.
const IMAGE = /!([^!\s|][^!|\n]{0,300}?)(?:\|[^!\n]{0,200})?!/g;
const LINK_WITH_TEXT = /\[([^[\]|\n]{0,300})\|([^[\]\n]{1,2000})\]/g;
const BARE_LINK = /\[([^[\]|\n]{1,2000})\]/g;
const EMPHASIS = /(^|[^\p{L}\p{N}])([*_+^~-]|\?\?)(\S(?:[^\n]{0,150}?\S)?)\2(?=$|[^\p{L}\p{N}])/gu;
const MONOSPACE = /\{\{([^\n{}]{0,300})\}\}/g;
const COLOR = /\{color(?::[^}]*)?\}/g;
const ESCAPE = /\\([*_+^~\-!{}[\]|?])/g;

function inline(raw: string, out: RichText): string {
  let text = raw.replace(IMAGE, (_, name: string) => {
    out.images.push(name.trim());
    return '';
  });
  text = text.replace(LINK_WITH_TEXT, (_, label: string, target: string) => {
    if (/^(?:https?|mailto):/i.test(target)) out.links.push(target.trim());
    return label;
  });
  text = text.replace(BARE_LINK, (whole, inner: string) => {
    if (/^(?:https?|mailto):/i.test(inner)) {
      out.links.push(inner.trim());
      return inner;
    }
    if (inner.startsWith('^')) return inner.slice(1);
    if (inner.startsWith('~')) return `@${inner.slice(1).replace(/^accountid:/, '')}`;
    return whole;
  });
  text = text.replace(MONOSPACE, '$1').replace(COLOR, '');
  // Nested emphasis (*_both_*) needs a second pass.
  text = text.replace(EMPHASIS, '$1$3').replace(EMPHASIS, '$1$3');
  return text.replace(ESCAPE, '$1').replace(/\\\\/g, '\n');
}

/**
 * Reads Jira wiki markup (Data Center, webhook payloads) or plain text into the same blocks the
 * ADF reader gives: headings, paragraphs, list items, code, quotes and table cells kept apart.
 */
export function readWiki(source: string): RichText {
  const out: RichText = { blocks: [], links: [], images: [], truncated: source.length > WIKI_MAX_CHARS };
  const lines = (out.truncated ? source.slice(0, WIKI_MAX_CHARS) : source).split(/\r?\n/);
  let paragraph: string[] = [];
  let tag: string | null = null;
  let tagged: string[] = [];

  const add = (kind: BlockKind, raw: string, verbatim = false): void => {
    const text = trimLines(verbatim ? raw : inline(raw, out));
    if (text) out.blocks.push({ kind, text });
  };
  const flush = (): void => {
    if (paragraph.length > 0) add(tag === 'quote' ? 'quote' : 'paragraph', paragraph.join('\n'));
    paragraph = [];
  };

  for (const line of lines) {
    const blockTag = BLOCK_TAG.exec(line);
    if (tag === 'code' || tag === 'noformat') {
      const close = line.indexOf(`{${tag}}`);
      if (close >= 0) {
        tagged.push(line.slice(0, close));
        add('code', tagged.join('\n'), true);
        paragraph.push(line.slice(close + tag.length + 2));
        tag = null;
        tagged = [];
      } else tagged.push(line);
      continue;
    }
    if (blockTag) {
      flush();
      const name = blockTag[1]!;
      const rest = blockTag[2] ?? '';
      if (name === 'code' || name === 'noformat') {
        // "{code}x{code}" on one line, or code that starts on the opening line.
        const close = rest.indexOf(`{${name}}`);
        if (close >= 0) {
          add('code', rest.slice(0, close), true);
          paragraph.push(rest.slice(close + name.length + 2));
        } else {
          tag = name;
          if (rest) tagged.push(rest);
        }
        continue;
      }
      tag = tag === name ? null : name;
      if (rest) paragraph.push(rest);
      continue;
    }
    const heading = HEADING.exec(line);
    const item = heading ? null : LIST_ITEM.exec(line);
    const quote = QUOTE_LINE.exec(line);
    if (heading) {
      flush();
      add('heading', heading[1]!);
    } else if (quote) {
      flush();
      add('quote', quote[1]!);
    } else if (TABLE_ROW.test(line)) {
      flush();
      for (const cell of line.split(/\|\|?/)) add('tableCell', cell);
    } else if (item && !RULE.test(line)) {
      flush();
      add(tag === 'quote' ? 'quote' : 'listItem', item[1]!);
    } else if (line.trim() === '' || RULE.test(line)) {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  if (tag === 'code' || tag === 'noformat') add('code', tagged.join('\n'), true);
  flush();
  return out;
}
