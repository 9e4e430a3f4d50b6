/**
 * Builders for the product-manager fixture set (test/fixtures/pm-set): one logical ticket, written
 * once as blocks, rendered the way Jira Cloud (ADF), Data Center (wiki markup) or a plain-text
 * backlog holds it. The labelled content is hand-written in the fixture files; only the markup
 * comes from here.
 */
import type { JiraIssue } from '../../../src/core/ticket/normalise.js';

export type Language = 'en' | 'de' | 'es' | 'fr' | 'it' | 'nl' | 'pt';
export type Format = 'adf' | 'wiki' | 'text';
export type Domain =
  | 'health' | 'finance' | 'logistics' | 'public' | 'education' | 'internal' | 'saas' | 'travel' | 'hr' | 'commerce';

/** The classes of issue 15 (and a few plain ones) a ticket exercises. */
export const CLASSES = [
  'inline-node', // emoji, status, mention or date node / emoticon before the story
  'template', // an unfilled story template
  'placeholder-benefit', // "so that TBD", "so that it works", "so that …"
  'non-role-opener', // "As a follow-up to…", "As a reminder…" and translations
  'role-punctuation', // "ward clerk (A&E)", "buyer/approver", "R&D lead"
  'name-appositive', // "As Maria, a gift buyer, …"
  'generic-qualifier', // "registered user", "usuario registrado"
  'gender-inclusive', // Kund:in, usuari@, utilisateur·rice
  'benefit-form', // "para no…", "pour…", "para que no…", "om … te"
  'why-line', // a separate "Why:" / "Warum:" / "Por qué:" line or section
  'compound-metric', // German -zeit, -rate, -quote, -anteil, -dauer
  'romance-rate', // taux de, tasa de, tasso di, taxa de, tempo medio di…
  'domain-metric', // missed deliveries, failed payments, repeat orders…
  'acronym-lookalike', // French "ces" is not CES
  'target-word', // halve, double, triple, cut by a third
  'target-from-to', // from X to Y
  'target-comparison', // ≥, at least, under
  'comma-decimal', // 3,5 %, non-breaking spaces before % and units
  'kpi-table', // Metric | Today | Target in a table
  'ac-no-blank-line', // "…\nAcceptance criteria:\n* …"
  'ac-numbered-gwt', // "1. Given …"
  'goal-object-list', // one goal, a list of objects
  'goal-two-verbs', // two actions joined by "and"
  'panel', // content inside an ADF panel / wiki {panel}
  'no-story', // a task-like ticket with no story at all
  'good', // a ticket a PM would pass
  'bad', // a ticket a PM would send back
] as const;
export type Tag = (typeof CLASSES)[number];

/** The classes of the issue: the test asks each to be covered by at least three tickets. */
export const ISSUE_CLASSES: readonly Tag[] = CLASSES.filter((c) => !['panel', 'no-story', 'good', 'bad'].includes(c));

export type Inline =
  | string
  | { b: string }
  | { i: string }
  | { emoji: string; char: string }
  | { status: string; color?: 'neutral' | 'purple' | 'blue' | 'red' | 'yellow' | 'green' }
  | { mention: string }
  | { date: string }
  | { link: string; text?: string }
  | { card: string };

export type Block =
  | { h: Inline[]; level: number; tight?: boolean }
  | { p: Inline[]; tight?: boolean }
  | { ul: Inline[][]; tight?: boolean }
  | { ol: Inline[][]; tight?: boolean }
  | { panel: Block[]; kind: 'info' | 'note' | 'warning' | 'success' | 'error'; title?: string; tight?: boolean }
  | { table: string[][]; tight?: boolean }
  | { image: string; tight?: boolean }
  | { code: string; tight?: boolean }
  | { quote: string; tight?: boolean };

// ---------------------------------------------------------------------------------------------
// Shorthands the fixture files write tickets with.

const inlines = (parts: (Inline | Inline[])[]): Inline[] => parts.flat() as Inline[];
export const h = (text: string | Inline[], level = 3): Block => ({ h: typeof text === 'string' ? [text] : text, level });
export const p = (...parts: Inline[]): Block => ({ p: inlines(parts) });
/** A paragraph that, in wiki markup and plain text, follows the previous block with no blank line. */
export const tp = (...parts: Inline[]): Block => ({ p: inlines(parts), tight: true });
export const ul = (...items: (string | Inline[])[]): Block => ({ ul: items.map((i) => (typeof i === 'string' ? [i] : i)) });
export const tul = (...items: (string | Inline[])[]): Block => ({ ...ul(...items), tight: true }) as Block;
export const ol = (...items: (string | Inline[])[]): Block => ({ ol: items.map((i) => (typeof i === 'string' ? [i] : i)) });
export const tol = (...items: (string | Inline[])[]): Block => ({ ...ol(...items), tight: true }) as Block;
export const panel = (kind: 'info' | 'note' | 'warning' | 'success' | 'error', ...blocks: Block[]): Block => ({ panel: blocks, kind });
export const table = (...rows: string[][]): Block => ({ table: rows });
export const img = (name: string): Block => ({ image: name });
export const code = (text: string): Block => ({ code: text });
export const quote = (text: string): Block => ({ quote: text });
export const b = (text: string): Inline => ({ b: text });
export const i = (text: string): Inline => ({ i: text });
export const st = (text: string, color: 'neutral' | 'purple' | 'blue' | 'red' | 'yellow' | 'green' = 'neutral'): Inline => ({ status: text, color });
export const at = (name: string): Inline => ({ mention: name });
export const date = (iso: string): Inline => ({ date: iso });
export const a = (url: string, text?: string): Inline => (text ? { link: url, text } : { link: url });
export const card = (url: string): Inline => ({ card: url });

const EMOJI: Record<string, string> = {
  ':white_check_mark:': '✅', ':warning:': '⚠️', ':information_source:': 'ℹ️', ':star:': '⭐',
  ':bulb:': '💡', ':x:': '❌', ':smile:': '😄', ':question:': '❓', ':rocket:': '🚀', ':dart:': '🎯',
  ':hospital:': '🏥', ':truck:': '🚚', ':memo:': '📝', ':pushpin:': '📌', ':eyes:': '👀',
  ':airplane:': '✈️', ':moneybag:': '💰', ':books:': '📚', ':construction:': '🚧', ':sparkles:': '✨',
  ':thumbsup:': '👍', ':calendar:': '📅', ':clipboard:': '📋', ':bar_chart:': '📊', ':lock:': '🔒',
};
/** An emoji node; its Jira wiki emoticon where one exists, else the character. */
export const emo = (shortName: string): Inline => ({ emoji: shortName, char: EMOJI[shortName] ?? '🙂' });
const WIKI_EMOTICON: Record<string, string> = {
  ':white_check_mark:': '(/)', ':warning:': '(!)', ':information_source:': '(i)', ':star:': '(*)',
  ':bulb:': '(on)', ':x:': '(x)', ':smile:': ':)', ':question:': '(?)', ':thumbsup:': '(y)',
};

// ---------------------------------------------------------------------------------------------
// ADF (Jira Cloud, REST v3).

type Node = Record<string, unknown>;
let localIds = 0;
const localId = (): string => `0f3c${(++localIds).toString(16).padStart(4, '0')}-7a1e-4c55-9d2b-5be1c0ffee00`;
const accountId = (name: string): string =>
  `557058:${[...name].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7).toString(16).replace('-', 'f').padStart(8, '0')}-2c1d-4e0a-bb1f-0a9e3d5c7f21`;

function adfInline(part: Inline): Node[] {
  if (typeof part === 'string') {
    // A newline inside a paragraph is a hard break (shift+enter in the Cloud editor).
    const out: Node[] = [];
    part.split('\n').forEach((line, k) => {
      if (k > 0) out.push({ type: 'hardBreak' });
      if (line) out.push({ type: 'text', text: line });
    });
    return out;
  }
  if ('b' in part) return [{ type: 'text', text: part.b, marks: [{ type: 'strong' }] }];
  if ('i' in part) return [{ type: 'text', text: part.i, marks: [{ type: 'em' }] }];
  if ('emoji' in part) return [{ type: 'emoji', attrs: { shortName: part.emoji, id: part.emoji.replace(/:/g, ''), text: part.char } }];
  if ('status' in part) return [{ type: 'status', attrs: { text: part.status, color: part.color ?? 'neutral', localId: localId(), style: '' } }];
  if ('mention' in part) return [{ type: 'mention', attrs: { id: accountId(part.mention), text: `@${part.mention}`, accessLevel: '' } }];
  if ('date' in part) return [{ type: 'date', attrs: { timestamp: String(Date.parse(`${part.date}T00:00:00Z`)) } }];
  if ('link' in part) return [{ type: 'text', text: part.text ?? part.link, marks: [{ type: 'link', attrs: { href: part.link } }] }];
  return [{ type: 'inlineCard', attrs: { url: part.card } }];
}

const adfPara = (parts: Inline[]): Node => ({ type: 'paragraph', content: parts.flatMap(adfInline) });
const adfItem = (parts: Inline[]): Node => ({ type: 'listItem', content: [adfPara(parts)] });

function adfBlock(block: Block): Node {
  if ('h' in block) return { type: 'heading', attrs: { level: block.level }, content: block.h.flatMap(adfInline) };
  if ('p' in block) return adfPara(block.p);
  if ('ul' in block) return { type: 'bulletList', content: block.ul.map(adfItem) };
  if ('ol' in block) return { type: 'orderedList', attrs: { order: 1 }, content: block.ol.map(adfItem) };
  if ('panel' in block) return { type: 'panel', attrs: { panelType: block.kind }, content: block.panel.map(adfBlock) };
  if ('table' in block) {
    return {
      type: 'table',
      attrs: { isNumberColumnEnabled: false, layout: 'default', localId: localId() },
      content: block.table.map((row, r) => ({
        type: 'tableRow',
        content: row.map((cell) => ({ type: r === 0 ? 'tableHeader' : 'tableCell', attrs: {}, content: [adfPara([cell])] })),
      })),
    };
  }
  if ('image' in block) {
    return {
      type: 'mediaSingle',
      attrs: { layout: 'center', width: 760, widthType: 'pixel' },
      content: [{ type: 'media', attrs: { type: 'file', id: localId(), collection: 'contentId-10421', alt: block.image, width: 1440, height: 900 } }],
    };
  }
  if ('code' in block) return { type: 'codeBlock', attrs: { language: 'text' }, content: [{ type: 'text', text: block.code }] };
  return { type: 'blockquote', content: [adfPara([block.quote])] };
}

export const toAdf = (blocks: Block[]): Node => ({ type: 'doc', version: 1, content: blocks.map(adfBlock) });

// ---------------------------------------------------------------------------------------------
// Wiki markup (Jira Data Center, REST v2) and plain text.

const username = (name: string): string => {
  const [first = '', ...rest] = name.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').split(/\s+/);
  return rest.length ? `${first.charAt(0)}${rest.join('')}` : first;
};

function wikiInline(part: Inline): string {
  if (typeof part === 'string') return part;
  if ('b' in part) return `*${part.b}*`;
  if ('i' in part) return `_${part.i}_`;
  if ('emoji' in part) return WIKI_EMOTICON[part.emoji] ?? part.char;
  if ('status' in part) return `{status:colour=${part.color === 'neutral' || !part.color ? 'Grey' : part.color[0]!.toUpperCase() + part.color.slice(1)}|title=${part.status}}`;
  if ('mention' in part) return `[~${username(part.mention)}]`;
  if ('date' in part) return part.date;
  if ('link' in part) return part.text ? `[${part.text}|${part.link}]` : `[${part.link}]`;
  return `[${part.card}|${part.card}|smart-link]`;
}

function textInline(part: Inline): string {
  if (typeof part === 'string') return part;
  if ('b' in part) return part.b;
  if ('i' in part) return part.i;
  if ('emoji' in part) return part.char;
  if ('status' in part) return ''; // plain text has no lozenge
  if ('mention' in part) return `@${username(part.mention)}`;
  if ('date' in part) return part.date;
  if ('link' in part) return part.text ? `${part.text} (${part.link})` : part.link;
  return part.card;
}

/** Inline parts joined; a dropped part leaves no double blank behind. */
const join = (parts: Inline[], render: (p: Inline) => string): string =>
  parts.map(render).join('').replace(/ {2,}/g, ' ').replace(/^ /, '');

function wikiBlock(block: Block): string {
  if ('h' in block) return `h${block.level}. ${join(block.h, wikiInline)}`;
  if ('p' in block) return join(block.p, wikiInline);
  if ('ul' in block) return block.ul.map((item) => `* ${join(item, wikiInline)}`).join('\n');
  if ('ol' in block) return block.ol.map((item) => `# ${join(item, wikiInline)}`).join('\n');
  if ('panel' in block) {
    const colours: Record<string, string> = { info: '#deebff', note: '#eae6ff', warning: '#fffae6', success: '#e3fcef', error: '#ffebe6' };
    return `{panel:bgColor=${colours[block.kind]}}\n${wikiBlocks(block.panel)}\n{panel}`;
  }
  if ('table' in block) {
    return block.table.map((row, r) => (r === 0 ? `||${row.join('||')}||` : `|${row.join('|')}|`)).join('\n');
  }
  if ('image' in block) return `!${block.image}|thumbnail!`;
  if ('code' in block) return `{code}\n${block.code}\n{code}`;
  return `bq. ${block.quote}`;
}

function textBlock(block: Block): string {
  if ('h' in block) return join(block.h, textInline);
  if ('p' in block) return join(block.p, textInline).trim();
  if ('ul' in block) return block.ul.map((item) => `- ${join(item, textInline)}`).join('\n');
  if ('ol' in block) return block.ol.map((item, k) => `${k + 1}. ${join(item, textInline)}`).join('\n');
  if ('panel' in block) return textBlocks(block.panel);
  if ('table' in block) return block.table.map((row) => row.join(' | ')).join('\n');
  if ('image' in block) return ''; // plain text cannot embed: the attachment carries it
  if ('code' in block) return block.code;
  return `> ${block.quote}`;
}

function joinBlocks(blocks: Block[], render: (b: Block) => string): string {
  let out = '';
  for (const block of blocks) {
    const rendered = render(block);
    if (!rendered) continue;
    out += out ? (block.tight ? '\n' : '\n\n') + rendered : rendered;
  }
  return out;
}

export const wikiBlocks = (blocks: Block[]): string => joinBlocks(blocks, wikiBlock);
export const textBlocks = (blocks: Block[]): string => joinBlocks(blocks, textBlock);

// ---------------------------------------------------------------------------------------------
// Tickets and their labels.

export type StoryLabel = 'story' | 'template' | 'none';
export type BenefitLabel = 'present' | 'placeholder' | 'absent';
export type MetricLabel = 'target' | 'named' | 'none';

export interface Labels {
  story: StoryLabel;
  role: string | null;
  benefit: BenefitLabel;
  /** Only for tickets with a story. */
  genericRole: boolean | null;
  metric: MetricLabel;
  acceptanceCriteria: boolean;
  /** Only for tickets with a story. */
  singleGoal: boolean | null;
  visual: boolean;
}

export interface PmTicket {
  id: string;
  language: Language;
  format: Format;
  domain: Domain;
  tags: Tag[];
  issue: JiraIssue;
  labels: Labels;
}

/** What a careful product manager says of the ticket, in short. */
export interface Expect {
  story?: StoryLabel;
  role: string | null;
  benefit: BenefitLabel;
  generic?: boolean;
  metric: MetricLabel;
  ac: boolean;
  single?: boolean;
  visual: boolean;
}

export interface Spec {
  id: string;
  format: Format;
  domain: Domain;
  tags: Tag[];
  summary: string;
  /** Blocks rendered in the ticket's format, or a description as the writer typed it (wiki/text). */
  desc: Block[] | string | null;
  attach?: string[];
  expect: Expect;
}

const PROJECT: Record<Domain, string> = {
  health: 'WARD', finance: 'TAX', logistics: 'DLV', public: 'GOV', education: 'EDU', internal: 'OPS',
  saas: 'APP', travel: 'TRIP', hr: 'PEOPLE', commerce: 'SHOP',
};
const MIME: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', mp4: 'video/mp4', mov: 'video/quicktime',
  pdf: 'application/pdf', docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv', txt: 'text/plain', json: 'application/json',
};

function render(desc: Spec['desc'], format: Format): unknown {
  if (desc === null || typeof desc === 'string') return desc;
  if (format === 'adf') return toAdf(desc);
  return format === 'wiki' ? wikiBlocks(desc) : textBlocks(desc);
}

/** Builds the tickets of one language; keys number per project, as a real backlog's do. */
export function tickets(language: Language, specs: Spec[]): PmTicket[] {
  return specs.map((s, k) => {
    if (typeof s.desc === 'string' && s.format === 'adf') throw new Error(`${s.id}: an ADF ticket needs blocks`);
    const story = s.expect.story ?? (s.expect.role ? 'story' : 'none');
    const attachment = (s.attach ?? []).map((filename, n) => ({
      id: String(10_400 + k * 7 + n),
      filename,
      mimeType: MIME[filename.split('.').pop()!.toLowerCase()] ?? 'application/octet-stream',
      size: 20_000 + filename.length * 1_311,
    }));
    return {
      id: s.id,
      language,
      format: s.format,
      domain: s.domain,
      tags: s.tags,
      issue: {
        key: `${PROJECT[s.domain]}-${100 + k * 3 + language.charCodeAt(0)}`,
        fields: {
          summary: s.summary,
          description: render(s.desc, s.format),
          issuetype: { name: 'Story' },
          status: { name: 'To Do', statusCategory: { key: 'new' } },
          project: { key: PROJECT[s.domain] },
          attachment,
          labels: [],
        },
      },
      labels: {
        story,
        role: story === 'story' ? s.expect.role : null,
        benefit: s.expect.benefit,
        genericRole: story === 'story' ? s.expect.generic ?? false : null,
        metric: s.expect.metric,
        acceptanceCriteria: s.expect.ac,
        singleGoal: story === 'story' ? s.expect.single ?? true : null,
        visual: s.expect.visual,
      },
    };
  });
}
