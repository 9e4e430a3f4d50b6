import type { BlockKind, BlockLink, TextBlock } from '../types.js';
import type { RichText } from './adf.js';
import { breakAfterLabel, breakLeadingPictographs, trimLines } from './text.js';

/** Longer descriptions are cut here; Jira itself caps a text field at 32,767 characters. */
export const WIKI_MAX_CHARS = 1_000_000;

// The block syntax, shared with the story rewrite so it looks for the story in the blocks read here.
export const HEADING = /^h[1-6]\.\s+(.*)$/;
export const LIST_ITEM = /^\s*[*#-]+\s+(.*)$/;
export const QUOTE_LINE = /^bq\.\s+(.*)$/;
export const TABLE_ROW = /^\s*\|/;
export const BLOCK_TAG = /^\s*\{(code|noformat|quote|panel)(?::[^}]*)?\}\s*(.*)$/;
export const RULE = /^\s*-{4,}\s*$/;

/** Columns of a table row read apart; Jira's own editor stops well before this. */
export const MAX_COLUMNS = 100;

const BAR = 124;
const BACKSLASH = 92;
/** Markup whose parameters or target may hold a bar: a macro "{status:colour=Green|title=Done}", a link "[text|url]", an image "!a.png|thumbnail!". */
const OPENERS: Record<number, { close: string; reach: number }> = {
  123: { close: '}', reach: 400 }, // {
  91: { close: ']', reach: 2_400 }, // [
  33: { close: '!', reach: 600 }, // !
};

/**
 * The cells of a table row, each as [start, end) between its bars ("|" or "||"; "\\|" is no bar).
 * A bar inside a macro's parameters, a link or an image is part of that markup, not a cell's end,
 * when the markup closes on the row within its reach (the bounds the inline patterns use).
 */
export function cellSpans(row: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  // The next closing character of each kind at or after the scan: found once, looked for again
  // only when passed, so a row of 100,000 unclosed "{" stays linear.
  const next: Record<string, number> = { '}': -2, ']': -2, '!': -2 };
  const closeAfter = (close: string, i: number): number => {
    if (next[close]! !== -1 && next[close]! <= i) next[close] = row.indexOf(close, i + 1);
    return next[close]!;
  };
  let from = 0;
  for (let i = 0; i < row.length; i++) {
    const c = row.charCodeAt(i);
    const opener = OPENERS[c];
    if (c === BACKSLASH) i++;
    else if (opener && (c !== 33 || /[^\s|!]/.test(row.charAt(i + 1)))) {
      const close = closeAfter(opener.close, i);
      if (close > i && close - i <= opener.reach) i = close;
    } else if (c === BAR) {
      spans.push([from, i]);
      if (row.charCodeAt(i + 1) === BAR) i++;
      from = i + 1;
    }
  }
  spans.push([from, row.length]);
  return spans;
}

// Every span is bounded: an unclosed "*" or "[" in a 100 KB line must not make matching quadratic.
const IMAGE = /!([^!\s|][^!|\n]{0,300}?)(?:\|[^!\n]{0,200})?!/g;
const LINK_WITH_TEXT = /\[([^[\]|\n]{0,300})\|([^[\]\n]{1,2000})\]/g;
const BARE_LINK = /\[([^[\]|\n]{1,2000})\]/g;
const EMPHASIS = /(^|[^\p{L}\p{N}])([*_+^~-]|\?\?)(\S(?:[^\n]{0,150}?\S)?)\2(?=$|[^\p{L}\p{N}])/gu;
const MONOSPACE = /\{\{([^\n{}]{0,300})\}\}/g;
const COLOR = /\{color(?::[^}\n]{0,100})?\}/g;

/** Characters a backslash keeps as text in Jira's renderer (two backslashes are a line break). */
const WIKI_ESCAPABLE = '-#*_+?^~|%{}[]()!@';
const ESCAPE = /\\(\\|[-#*_+?^~|%{}[\]()!@])/g;
/**
 * An escaped character is held as a pair (HOLD, code) while the markup is read, so no pattern
 * takes it for markup; a HOLD already in the text is doubled, so every pair reads back exactly.
 */
const HOLD = '\uE000';
const HELD = /\uE000([\s\S])/g;
/** HTML entities, which Jira renders as the character: how a backslash is written as text. */
const ENTITY = /&(?:#(\d{1,7})|#x([\da-f]{1,6})|(amp|lt|gt|quot|apos|nbsp));/gi;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };
/** A text with none of these has no markup, escape or entity: most table cells and list items. */
const MAYBE_MARKUP = /[\\!{}[\]*_+^~\-?&]/;

function hold(text: string): string {
  const doubled = text.includes(HOLD) ? text.replaceAll(HOLD, HOLD + HOLD) : text;
  return doubled.replace(ESCAPE, (_, c: string) => (c === '\\' ? '\n' : HOLD + String.fromCharCode(0xe001 + WIKI_ESCAPABLE.indexOf(c))));
}

function codePoint(n: number): string | null {
  return n > 0 && n <= 0x10ffff && (n < 0xd800 || n > 0xdfff) ? String.fromCodePoint(n) : null;
}

/** The text as Jira shows it: held characters back, and entities decoded (not in a link's target). */
function release(text: string, entities = true): string {
  const decoded = entities && text.includes('&')
    ? text.replace(ENTITY, (whole, dec?: string, hex?: string, name?: string) =>
        (name ? NAMED[name.toLowerCase()] : codePoint(dec ? Number(dec) : Number.parseInt(hex!, 16))) ?? whole,
      )
    : text;
  return decoded.includes(HOLD) ? decoded.replace(HELD, (_, c: string) => (c === HOLD ? HOLD : WIKI_ESCAPABLE.charAt(c.charCodeAt(0) - 0xe001))) : decoded;
}

function inline(raw: string, out: RichText, onWords?: BlockLink[]): string {
  if (!MAYBE_MARKUP.test(raw)) return raw;
  let text = hold(raw).replace(IMAGE, (_, name: string) => {
    out.images.push(release(name.trim(), false));
    return '';
  });
  text = text.replace(LINK_WITH_TEXT, (_, label: string, target: string) => {
    if (/^(?:https?|mailto):/i.test(target)) {
      const url = release(target.trim(), false);
      out.links.push(url);
      const words = release(label).trim();
      if (!words.includes(url)) onWords?.push({ text: words, url });
    }
    return label;
  });
  text = text.replace(BARE_LINK, (whole, inner: string) => {
    if (/^(?:https?|mailto):/i.test(inner)) {
      out.links.push(release(inner.trim(), false));
      return inner;
    }
    if (inner.startsWith('^')) return inner.slice(1);
    if (inner.startsWith('~')) return `@${inner.slice(1).replace(/^accountid:/, '')}`;
    return whole;
  });
  text = text.replace(MONOSPACE, '$1').replace(COLOR, '');
  // Nested emphasis (*_both_*) needs a second pass, when the first found any.
  const once = text.replace(EMPHASIS, '$1$3');
  text = once === text ? once : once.replace(EMPHASIS, '$1$3');
  return release(text);
}

const isWordCode = (c: string): boolean => /[\p{L}\p{N}]/u.test(c);
/** Jira's emoticons in brackets, "(x)" or "(flag)"; ":)", ":(", ";)" are caught by their colon. */
const EMOTICON = /^\((?:[xyni!/?*+-]|on|off|\*[rgby]|flag|flagoff)\)/i;

/**
 * Writes a text as wiki markup that Jira (and readWiki) shows as exactly that text, on one line:
 * no link, mention, image, macro, table cell, emphasis, emoticon, list or heading can come out of
 * it. Markup characters get a backslash (Jira's escape) wherever they could open something; a
 * backslash, which Jira cannot escape, becomes an entity, as does the colon of "https://" (Jira
 * links a bare URL by itself). A hyphen or underscore inside a word ("first-time", "snake_case"),
 * or a bracket that makes no emoticon ("(user)"), opens nothing and is left readable.
 */
export function escapeWikiText(value: string): string {
  const text = value.replace(/\s*[\r\n]+\s*/g, ' ');
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    const before = text.charAt(i - 1);
    const after = text.charAt(i + 1);
    if (c === '\\') out += '&#92;';
    else if (c === '&' && /^&#?[\p{L}\p{N}]+;/u.test(text.slice(i, i + 40))) out += '&amp;';
    else if (c === ':' && (text.startsWith('//', i + 1) || /^[pPdD]/.test(after) || /mailto$/i.test(text.slice(Math.max(0, i - 6), i)))) out += '&#58;';
    else if ((c === '-' || c === '_') && isWordCode(before) && isWordCode(after)) out += c;
    else if (c === '?' && before !== '?' && after !== '?') out += c;
    else if (c === '(' && before !== ':' && !EMOTICON.test(text.slice(i, i + 9))) out += c;
    else if (c === ')' && before !== ':' && before !== ';') out += c;
    else if ('[]{}|!*+^~#()-_?'.includes(c)) out += `\\${c}`;
    else out += c;
  }
  // "h3. " and "bq. " open a block at the start of a line; as an entity the letter opens nothing.
  return /^(?:h[1-6]|bq)\./i.test(out) ? `&#${out.charCodeAt(0)};${out.slice(1)}` : out;
}

/**
 * What wiki markup puts in front of a sentence as a label, as ADF does with inline nodes: a mention
 * ("[~priya]", or "@priya" as plain text writes one), an emoticon ("(*)", "(/)", ":)"), a status
 * macro ("{status:title=DRAFT}"). Read on the raw line, before the inline markup is, so an escaped
 * "\\[~x]" is no label.
 */
const WIKI_LABEL = new RegExp(
  '^\\s*(?:(?:\\[~[^\\]\\n]{1,200}\\]|@[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,60}(?=\\s)|\\((?:[xyni!/?*+-]|on|off|\\*[rgby]|flag|flagoff)\\)|[:;][()PpDd](?![\\p{L}\\p{N}])' +
    '|\\{status(?::[^}\\n]{0,300})?\\})\\s*)+',
  'iu',
);
const STATUS_MACRO = /\{status(?::([^}\n]{0,300}))?\}/gi;

/** A status macro as the words on its lozenge ("title=DRAFT" gives "DRAFT"). */
const statusTitle = (params = ''): string => /(?:^|\|)\s*title\s*=\s*([^|]*)/i.exec(params)?.[1]?.trim() ?? '';

/** The first characters of every WIKI_LABEL ("[~", "@", "(", ":", ";", "{status"): a text with no line opening with one has no label. */
const MAYBE_LABEL = /(?:^|\n)[^\S\n]*[[@(:;{]/;

/** Each line with its leading label on a line of its own (see breakAfterLabel). */
function breakWikiLabels(raw: string): string {
  // Most blocks (table cells, list items) have no label: no split, no pattern per line.
  if (!MAYBE_LABEL.test(raw)) return raw;
  return raw
    .split('\n')
    .map((line) => {
      const m = WIKI_LABEL.exec(line);
      if (!m) return line;
      const label = m[0].replace(STATUS_MACRO, (_, params?: string) => statusTitle(params));
      return breakAfterLabel(label, line.slice(m[0].length));
    })
    .join('\n');
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
  /** The row of the table being read: consecutive table lines are one table. */
  let row = -1;

  const add = (kind: BlockKind, raw: string, verbatim = false, cell?: TextBlock['cell']): void => {
    if (!raw.trim()) return;
    const onWords: BlockLink[] = [];
    const text = trimLines(verbatim ? raw : breakLeadingPictographs(inline(breakWikiLabels(raw), out, onWords)));
    if (!text) return;
    const block: TextBlock = cell ? { kind, text, cell } : { kind, text };
    // As in ADF: the links on other words than their address ([words|address]), for a reader to tell which line links what.
    if (onWords.length > 0) block.links = onWords;
    out.blocks.push(block);
  };
  const flush = (): void => {
    if (paragraph.length > 0) add(tag === 'quote' ? 'quote' : 'paragraph', paragraph.join('\n'));
    paragraph = [];
  };

  for (const line of lines) {
    const wasRow = row;
    row = -1;
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
    // Each pattern runs only on a line that starts as it does: 30,000 short lines cost little.
    const lead = line.trimStart().charAt(0);
    if (!lead) {
      flush();
      continue;
    }
    const blockTag = lead === '{' ? BLOCK_TAG.exec(line) : null;
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
    const heading = lead === 'h' ? HEADING.exec(line) : null;
    const item = heading || !'*#-'.includes(lead) ? null : LIST_ITEM.exec(line);
    const quote = lead === 'b' ? QUOTE_LINE.exec(line) : null;
    const rule = lead === '-' && RULE.test(line);
    if (heading) {
      flush();
      add('heading', heading[1]!);
    } else if (quote) {
      flush();
      add('quote', quote[1]!);
    } else if (lead === '|') {
      flush();
      row = wasRow + 1;
      // The text before the first bar and after the last is no cell: columns count from the first bar.
      const spans = cellSpans(line).slice(1);
      if (spans.length > 0 && !line.slice(spans[spans.length - 1]![0]).trim()) spans.pop();
      // A row of thousands of one-letter cells ("|[a|[a|…") is no table anyone reads: past
      // MAX_COLUMNS the rest of the row is one cell, so the blocks every rule walks stay few.
      if (spans.length > MAX_COLUMNS) spans.splice(MAX_COLUMNS - 1, Infinity, [spans[MAX_COLUMNS - 1]![0], spans[spans.length - 1]![1]]);
      spans.forEach(([start, end], column) => add('tableCell', line.slice(start, end), false, { row, column }));
    } else if (item && !rule) {
      flush();
      add(tag === 'quote' ? 'quote' : 'listItem', item[1]!);
    } else if (rule) {
      flush();
    } else {
      paragraph.push(line);
    }
  }
  if (tag === 'code' || tag === 'noformat') add('code', tagged.join('\n'), true);
  flush();
  return out;
}
