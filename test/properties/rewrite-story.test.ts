import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { lintIssue } from '../../src/core/lint.js';
import { rewriteAdfStory, rewriteWikiStory, safeDesignUrl, storySentence, type StoryFix } from '../../src/core/story/rewrite-story.js';
import { readWiki } from '../../src/core/ticket/wiki.js';
import { adfProblems } from '../../src/demo/stand-ins/adf-schema.js';

type Node = { type: string; attrs?: Record<string, unknown>; content?: Node[]; text?: string; marks?: unknown[] };

const compiled = compile(DEFAULT_CONFIG);

/**
 * adfProblems collects every error of every alternative of the schema, which takes up to half a
 * second on a nested document. The same official schema without that gives the same verdict in
 * microseconds; adfProblems then says what is wrong when a document fails.
 */


// What people type into the Fix-it modal: realistic values, so the story they make parses.
const PERSONAS = ['first-time shopper on mobile', 'night nurse', 'warehouse picker', 'returning customer with a saved card', 'clinic receptionist', 'small-business owner'];
const GOALS = ['save my basket for later', 'see the ward list at a glance', 'reprint a lost label', 'book a follow-up slot', 'export last month’s invoices'];
const BENEFITS = ['I can pay on my phone', 'I can plan my shift', 'parcels leave on time', 'patients are not kept waiting', 'I can close the books on Friday'];
const METRIC = 'checkout conversion +3% in 6 weeks';
/** The metric as wiki markup writes it: a "+" that could open underlining is escaped. */
const METRIC_WIKI = 'checkout conversion \\+3% in 6 weeks';
const DESIGN = 'https://www.figma.com/file/abc/Basket';

const fixArb: fc.Arbitrary<StoryFix> = fc.record({
  role: fc.constantFrom(...PERSONAS),
  goal: fc.constantFrom(...GOALS),
  benefit: fc.constantFrom(...BENEFITS),
  metric: fc.constantFrom('', METRIC, `Success: ${METRIC}`),
  visualsUrl: fc.constantFrom('', DESIGN),
});

/** Prose that holds no story and no "Success:" line. */
const SENTENCES = ['Carts are lost when the session times out.', 'Given a saved basket, when I sign in, then I see it.', 'See the attached wireframe.', 'Out of scope: gift cards.', 'Support tickets mention this weekly.'];

const text = (value: string, marks?: unknown[]): Node => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const para = (...content: Node[]): Node => ({ type: 'paragraph', content });
const hardBreak: Node = { type: 'hardBreak' };
const strong = [{ type: 'strong' }];

// ---------------------------------------------------------------------------------------------
// ADF: a story paragraph at a random depth inside lists, panels, expands, tables, layouts and
// quotes, with media, mentions, emoji, status and cards around it.
// ---------------------------------------------------------------------------------------------

/** Builds nodes with media ids unique within one document. */
class Builder {
  private next = 0;
  id(): string {
    return `media-${++this.next}`;
  }
  media(): Node {
    return { type: 'media', attrs: { type: 'file', id: this.id(), collection: 'jira' } };
  }
  atom(kind: number): Node {
    switch (kind % 5) {
      case 0:
        return { type: 'mediaInline', attrs: { type: 'file', id: this.id(), collection: 'jira' } };
      case 1:
        return { type: 'mention', attrs: { id: `acc-${this.next}`, text: '@Priya' } };
      case 2:
        return { type: 'emoji', attrs: { shortName: ':tada:', text: '🎉' } };
      case 3:
        return { type: 'status', attrs: { text: 'IN REVIEW', color: 'blue' } };
      default:
        return { type: 'inlineCard', attrs: { url: 'https://example.com/spec' } };
    }
  }
}

type FillerKind = 'para' | 'rich' | 'mediaSingle' | 'mediaGroup' | 'heading' | 'code' | 'success';
const FILLERS: FillerKind[] = ['para', 'rich', 'mediaSingle', 'mediaGroup', 'heading', 'code'];
interface Filler {
  kind: FillerKind;
  sentence: number;
  atoms: number[];
}
const fillerArb: fc.Arbitrary<Filler> = fc.record({ kind: fc.constantFrom(...FILLERS), sentence: fc.nat(), atoms: fc.array(fc.nat(), { maxLength: 3 }) });

/** Where each container may hold which nodes (Atlassian's schema). */
type Container = 'doc' | 'listItem' | 'panel' | 'blockquote' | 'expand' | 'tableCell' | 'layoutColumn';
const ALLOWED: Record<Container, Set<FillerKind>> = {
  doc: new Set(['para', 'rich', 'mediaSingle', 'mediaGroup', 'heading', 'code', 'success']),
  listItem: new Set(['para', 'rich', 'mediaSingle', 'code', 'success']),
  panel: new Set(['para', 'rich', 'mediaSingle', 'mediaGroup', 'heading', 'code', 'success']),
  blockquote: new Set(['para', 'rich', 'mediaSingle', 'mediaGroup', 'code', 'success']),
  expand: new Set(['para', 'rich', 'mediaSingle', 'mediaGroup', 'heading', 'code', 'success']),
  tableCell: new Set(['para', 'rich', 'mediaSingle', 'mediaGroup', 'heading', 'code', 'success']),
  layoutColumn: new Set(['para', 'rich', 'mediaSingle', 'mediaGroup', 'heading', 'code', 'success']),
};

function filler(b: Builder, f: Filler, where: Container): Node {
  const kind = ALLOWED[where].has(f.kind) ? f.kind : 'para';
  const sentence = SENTENCES[f.sentence % SENTENCES.length]!;
  switch (kind) {
    case 'rich':
      return para(text(`${sentence} `), ...f.atoms.map((a) => b.atom(a)), text(' Thanks.'));
    case 'mediaSingle':
      return { type: 'mediaSingle', attrs: { layout: 'center' }, content: [b.media()] };
    case 'mediaGroup':
      return { type: 'mediaGroup', content: [b.media(), ...f.atoms.map(() => b.media())] };
    case 'heading':
      return { type: 'heading', attrs: { level: 3 }, content: [text('Notes')] };
    case 'code':
      // A story in code is not the ticket's story: it must be left alone.
      return { type: 'codeBlock', attrs: { language: 'text' }, content: [text('As a hacker, I want root so that I win.')] };
    case 'success':
      return para(text('Success:', strong), text(' faster checkout '), ...f.atoms.map((a) => b.atom(a)));
    default:
      return para(text(sentence));
  }
}

/** The old story: text nodes (some marked, some over two lines), and whether it ends a sentence. */
const OLD_STORIES: Array<{ closed: boolean; build: (b: Builder) => Node[] }> = [
  { closed: true, build: () => [text('As a user, I want to save my basket.')] },
  { closed: true, build: () => [text('As a '), text('user', strong), text(', I want to save my basket so that I can pay later.')] },
  { closed: false, build: () => [text('As a night nurse I want a list so that I plan', [{ type: 'em' }])] },
  { closed: true, build: () => [text('As a user, I want to save my basket'), hardBreak, text('So that I can pay later.')] },
  { closed: false, build: (b) => [text('As a user, I want to ask '), b.atom(1), text(' for help '), b.atom(0), text(' so that I get an answer')] },
];

/** What may stand before the story in its paragraph: it always ends where a story may start. */
const PREFIXES: Array<(b: Builder) => Node[]> = [
  () => [],
  () => [text('Context: carts are lost on mobile. ')],
  (b) => [b.atom(1), text(': ')],
  (b) => [b.atom(2), text(' Note. ')],
  (b) => [b.atom(3), text(' — ')],
  (b) => [b.atom(0), hardBreak],
];

interface StorySpec {
  story: number;
  prefix: number;
  suffixAtoms: number[];
  suffixText: boolean;
  nextLine: boolean;
}
const storySpecArb: fc.Arbitrary<StorySpec> = fc.record({
  story: fc.nat(),
  prefix: fc.nat(),
  suffixAtoms: fc.array(fc.nat(), { maxLength: 3 }),
  suffixText: fc.boolean(),
  nextLine: fc.boolean(),
});

const SUFFIX_TEXT = ' More text follows.';
const NEXT_LINE = 'Given a basket, then it is kept';

function storyParagraph(b: Builder, s: StorySpec): { node: Node; prefix: Node[]; suffix: Node[]; closed: boolean } {
  const old = OLD_STORIES[s.story % OLD_STORIES.length]!;
  const prefix = PREFIXES[s.prefix % PREFIXES.length]!(b);
  const suffix = [
    ...s.suffixAtoms.map((a) => b.atom(a)),
    // Text straight after a story with no full stop would be read as part of it.
    ...(s.suffixText && old.closed ? [text(SUFFIX_TEXT)] : []),
    ...(s.nextLine ? [hardBreak, text(NEXT_LINE)] : []),
  ];
  return { node: para(...prefix, ...old.build(b), ...suffix), prefix, suffix, closed: old.closed };
}

type Wrapper = 'bulletList' | 'orderedList' | 'panel' | 'blockquote' | 'expand' | 'table' | 'layout';
/** The wrappers each wrapper may hold (a paragraph fits in all of them). */
const HOLDS: Record<Wrapper, Wrapper[]> = {
  bulletList: ['bulletList', 'orderedList'],
  orderedList: ['bulletList', 'orderedList'],
  panel: ['bulletList', 'orderedList'],
  blockquote: ['bulletList', 'orderedList'],
  expand: ['bulletList', 'orderedList', 'panel', 'blockquote', 'table'],
  table: ['bulletList', 'orderedList', 'panel', 'blockquote'],
  layout: ['bulletList', 'orderedList', 'panel', 'blockquote', 'table', 'expand'],
};
const WRAPPERS = Object.keys(HOLDS) as Wrapper[];

interface Level {
  choice: number;
  before: Filler[];
  after: Filler[];
  slot: number;
}
const levelArb: fc.Arbitrary<Level> = fc.record({ choice: fc.nat(), before: fc.array(fillerArb, { maxLength: 2 }), after: fc.array(fillerArb, { maxLength: 2 }), slot: fc.nat() });

/** Wraps `inner` in one container, with filler siblings; the container is valid ADF around it. */
function wrap(b: Builder, kind: Wrapper, inner: Node, level: Level): Node {
  const around = (where: Container, node: Node): Node[] => [...level.before.map((f) => filler(b, f, where)), node, ...level.after.map((f) => filler(b, f, where))];
  switch (kind) {
    case 'bulletList':
    case 'orderedList': {
      const item = { type: 'listItem', content: inner.type === 'paragraph' ? around('listItem', inner) : [para(text('Steps')), inner] };
      const others = [{ type: 'listItem', content: [para(text(SENTENCES[level.choice % SENTENCES.length]!))] }];
      return { type: kind, ...(kind === 'orderedList' ? { attrs: { order: 1 } } : {}), content: level.slot % 2 ? [...others, item] : [item, ...others] };
    }
    case 'panel':
      return { type: 'panel', attrs: { panelType: 'info' }, content: around('panel', inner) };
    case 'blockquote':
      return { type: 'blockquote', content: around('blockquote', inner) };
    case 'expand':
      return { type: 'expand', attrs: { title: 'Details' }, content: around('expand', inner) };
    case 'table': {
      const cell = (content: Node[]): Node => ({ type: 'tableCell', attrs: {}, content });
      const header = { type: 'tableRow', content: [{ type: 'tableHeader', attrs: {}, content: [para(text('Story'))] }, { type: 'tableHeader', attrs: {}, content: [para(text('Criteria'))] }] };
      const cells = [cell(around('tableCell', inner)), cell([filler(b, { kind: 'mediaGroup', sentence: 0, atoms: [] }, 'tableCell')])];
      return { type: 'table', attrs: { isNumberColumnEnabled: false, layout: 'default' }, content: [header, { type: 'tableRow', content: level.slot % 2 ? cells.reverse() : cells }] };
    }
    case 'layout': {
      const column = (content: Node[]): Node => ({ type: 'layoutColumn', attrs: { width: 50 }, content });
      const columns = [column(around('layoutColumn', inner)), column([filler(b, { kind: 'mediaSingle', sentence: 0, atoms: [] }, 'layoutColumn')])];
      return { type: 'layoutSection', content: level.slot % 2 ? columns.reverse() : columns };
    }
  }
}

interface DocSpec {
  story: StorySpec;
  levels: Level[];
  before: Filler[];
  after: Filler[];
  success: number | null;
}
const docSpecArb: fc.Arbitrary<DocSpec> = fc.record({
  story: storySpecArb,
  levels: fc.array(levelArb, { maxLength: 4 }),
  before: fc.array(fillerArb, { maxLength: 3 }),
  after: fc.array(fillerArb, { maxLength: 3 }),
  success: fc.option(fc.nat(), { nil: null }),
});

/** A document and the nodes the test follows: the story paragraph and the "Success:" paragraph. */
function buildDoc(spec: DocSpec) {
  const b = new Builder();
  const story = storyParagraph(b, spec.story);
  let node = story.node;
  let kind: Wrapper | 'paragraph' = 'paragraph';
  for (const level of spec.levels) {
    const options = WRAPPERS.filter((w) => kind === 'paragraph' || HOLDS[w].includes(kind));
    if (options.length === 0) break;
    kind = options[level.choice % options.length]!;
    node = wrap(b, kind, node, level);
  }
  const content = [...spec.before.map((f) => filler(b, f, 'doc')), node, ...spec.after.map((f) => filler(b, f, 'doc'))];
  const success = spec.success === null ? null : filler(b, { kind: 'success', sentence: 0, atoms: [spec.success % 7] }, 'doc');
  if (success) content.splice(spec.success! % (content.length + 1), 0, success);
  return { doc: { type: 'doc', version: 1, content } as Node, story, success };
}

/** Path of a node found by identity. */
function pathOf(root: Node, target: Node, path: number[] = []): number[] | null {
  if (root === target) return path;
  for (const [i, child] of (root.content ?? []).entries()) {
    const found = pathOf(child, target, [...path, i]);
    if (found) return found;
  }
  return null;
}

function setAt(root: Node, path: number[], node: Node): Node {
  if (path.length === 0) return node;
  const content = [...root.content!];
  content[path[0]!] = setAt(content[path[0]!]!, path.slice(1), node);
  return { ...root, content };
}

const nodeAt = (root: Node, path: number[]): Node => path.reduce((n, i) => n.content![i]!, root);

function mediaIds(node: Node): string[] {
  const own = node.type === 'media' || node.type === 'mediaInline' ? [String(node.attrs?.id)] : [];
  return [...own, ...(node.content ?? []).flatMap(mediaIds)].sort();
}

/** Inline text as the test sees it: only text and line breaks. */
const proseOf = (nodes: Node[]): string => nodes.map((n) => (n.type === 'text' ? n.text : n.type === 'hardBreak' ? '\n' : '')).join('');
const atomsOf = (nodes: Node[]): Node[] => nodes.filter((n) => n.type !== 'text' && n.type !== 'hardBreak');

const lintStory = (description: unknown) => lintIssue({ key: 'SHOP-1', fields: { summary: 'Basket', issuetype: { name: 'Story' }, description } } as never, DEFAULT_CONFIG).story;

function expectParsesBack(description: unknown, fix: StoryFix): void {
  expect(lintStory(description)).toMatchObject({ role: fix.role, goal: fix.goal.replace(/’/g, "'"), benefit: fix.benefit });
}

describe('Fix it never deletes anything, generated (ADF)', () => {
  it('changes only the story text and the success text; every other node, media id and mark is kept, and the result is valid ADF', () => {
    fc.assert(
      fc.property(docSpecArb, fixArb, (spec, fix) => {
        const { doc, story, success } = buildDoc(spec);
        expect(adfProblems(doc)).toEqual([]);
        const snapshot = structuredClone(doc);
        const result = rewriteAdfStory(doc, fix, compiled) as Node;

        // (d) valid ADF, and the input itself untouched.
        expect(adfProblems(result)).toEqual([]);
        expect(doc).toEqual(snapshot);

        // (a) Putting the story and success paragraphs back and dropping the appended lines gives the original.
        const storyPath = pathOf(doc, story.node)!;
        const successPath = success ? pathOf(doc, success) : null;
        let restored = setAt(result, storyPath, story.node);
        if (successPath && fix.metric) restored = setAt(restored, successPath, success!);
        const appended = (fix.metric && !success ? 1 : 0) + (fix.visualsUrl ? 1 : 0);
        restored = { ...restored, content: restored.content!.slice(0, restored.content!.length - appended) };
        expect(restored).toEqual(doc);
        for (const [i, node] of doc.content!.entries()) if (i !== storyPath[0] && i !== successPath?.[0]) expect(result.content![i]).toBe(node);

        // (b) Media ids: the same multiset.
        expect(mediaIds(result)).toEqual(mediaIds(doc));

        // Inside the story paragraph: the text before it and after it, and every inline node, in order.
        const rewritten = nodeAt(result, storyPath).content!;
        expect(atomsOf(rewritten)).toEqual(atomsOf(story.node.content!));
        const prose = proseOf(rewritten);
        expect(prose.startsWith(proseOf(story.prefix) + storySentence(fix))).toBe(true);
        if (story.closed) expect(prose.endsWith(proseOf(story.suffix))).toBe(true);
        if (!story.closed && spec.story.nextLine) expect(prose.endsWith(`\n${NEXT_LINE}`)).toBe(true);

        // The success line: its label, the new metric, and its inline nodes.
        if (successPath && fix.metric) {
          const line = nodeAt(result, successPath).content!;
          expect(proseOf(line).startsWith(`Success: ${METRIC}`)).toBe(true);
          expect(line[0]).toBe(success!.content![0]);
          expect(atomsOf(line)).toEqual(atomsOf(success!.content!));
        }

        // (c) The linter reads the submitted story back.
        expectParsesBack(result, fix);
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Wiki markup: the story in a paragraph, bullet, table cell, panel, quote or heading, with images
// on its line and around it.
// ---------------------------------------------------------------------------------------------

/** Old stories as people write them in wiki markup: emphasis, an image inside, with and without a full stop. */
const WIKI_STORIES = [
  { closed: true, text: 'As a user, I want to save my basket.' },
  { closed: true, text: '*As a user*, I want to save my basket so that I can pay later.' },
  { closed: false, text: 'As a _night nurse_ I want a list so that I plan' },
  { closed: true, text: 'As a user, I want to save my basket !inline.png! so that I come back.' },
];
const PLACES = ['paragraph', 'bullet', 'nested', 'numbered', 'cell', 'panel', 'panelLine', 'quote', 'bq', 'heading'] as const;

interface WikiSpec {
  story: number;
  place: (typeof PLACES)[number];
  lead: string;
  trail: string;
  before: number[];
  after: number[];
  success: number | null;
}

const WIKI_FILLERS = [
  'Carts are lost when the session times out.',
  '* Given a saved basket, when I sign in, then I see it',
  '!wireframe.png|thumbnail!',
  '||Step||Expected||',
  '| Sign in | !screen.png! basket shown |',
  'h3. Acceptance criteria',
  '{code}As a hacker, I want root so that I win.{code}',
  '----',
  '',
  '[Design|https://www.figma.com/file/abc]',
];

const wikiSpecArb: fc.Arbitrary<WikiSpec> = fc.record({
  story: fc.nat(),
  place: fc.constantFrom(...PLACES),
  lead: fc.constantFrom('', 'Context: carts are lost. ', '!before.png! '),
  trail: fc.constantFrom('', ' !after.png|thumbnail!', ' More text follows.'),
  before: fc.array(fc.nat(), { maxLength: 4 }),
  after: fc.array(fc.nat(), { maxLength: 4 }),
  success: fc.option(fc.nat(), { nil: null }),
});

/** The wiki source, its lines, and which line holds the story and which the success line. */
function buildWiki(spec: WikiSpec) {
  const story = WIKI_STORIES[spec.story % WIKI_STORIES.length]!;
  // Text after a story with no full stop is read as part of it; an image is not.
  const trail = story.closed || spec.trail.includes('!') ? spec.trail : '';
  const body = `${spec.lead}${story.text}${trail}`;
  const [open, line, close] = {
    paragraph: [[], body, []],
    bullet: [[], `* ${body}`, []],
    nested: [['* Steps'], `** ${body}`, []],
    numbered: [[], `# ${body}`, []],
    cell: [['||Story||Criteria||'], `| ${body} | Given a basket |`, []],
    panel: [['{panel:title=Story}'], body, ['{panel}']],
    panelLine: [[], `{panel}${body}{panel}`, []],
    quote: [['{quote}'], body, ['{quote}']],
    bq: [[], `bq. ${body}`, []],
    heading: [[], `h3. ${body}`, []],
  }[spec.place] as [string[], string, string[]];
  const fill = (i: number) => WIKI_FILLERS[i % WIKI_FILLERS.length]!;
  const lines = [...spec.before.map(fill), '', ...open, line, ...close, '', ...spec.after.map(fill)];
  const storyLine = spec.before.length + 1 + open.length;
  let successLine: number | null = null;
  if (spec.success !== null) {
    // After the story's block, among the lines that follow it.
    successLine = storyLine + close.length + 2 + (spec.success % (spec.after.length + 1));
    lines.splice(successLine, 0, spec.success % 2 ? '* Success: faster checkout !chart.png!' : 'Success: faster checkout', '');
  }
  return { source: lines.join('\n'), lines, storyLine, successLine, story, trail, line };
}

const images = (s: string): string[] => (s.match(/![^!\s|][^!|\n]*(?:\|[^!\n]*)?!/g) ?? []).sort();

describe('Fix it never deletes anything, generated (wiki markup)', () => {
  it('changes only the story line and the success line; every other line and every image is kept', () => {
    fc.assert(
      fc.property(wikiSpecArb, fixArb, (spec, fix) => {
        const { source, lines, storyLine, successLine, story, trail, line } = buildWiki(spec);
        const result = rewriteWikiStory(source, fix, compiled);
        const out = result.split('\n');

        // Lines: the same, but for the story's and the success line; what is new comes at the end.
        const changed = new Set([storyLine, ...(fix.metric && successLine !== null ? [successLine] : [])]);
        // A source ending in a line break has no last line: what is appended starts there.
        const whole = source.endsWith('\n') ? lines.length - 1 : lines.length;
        for (const [i, original] of lines.slice(0, whole).entries()) if (!changed.has(i)) expect(out[i]).toBe(original);
        const appended = out.slice(whole).filter((l) => l !== '');
        const expected = [...(fix.metric && successLine === null ? [`Success: ${METRIC_WIKI}`] : []), ...(fix.visualsUrl ? [`Design: [${DESIGN}]`] : [])];
        expect(appended).toEqual(expected);

        // The story line keeps its markup and what stood before and after the story, images included.
        const written = out[storyLine]!;
        const at = line.indexOf(story.text);
        expect(written.startsWith(line.slice(0, at))).toBe(true);
        expect(written.endsWith(line.slice(at + story.text.length))).toBe(true);
        expect(written).toContain(storySentence(fix));
        if (trail) expect(written).toContain(trail.trim());

        if (successLine !== null && fix.metric) expect(out[successLine]).toBe(lines[successLine]!.replace('faster checkout', METRIC_WIKI));

        // Every image survives; the story parses back.
        expect(images(result)).toEqual(images(source));
        expectParsesBack(result, fix);
      }),
      { numRuns: 200 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Whatever is typed into the modal, the wiki markup written reads back as that text: it opens no
// link, image, mention, macro, table cell or emphasis, and the story reads back as typed.
// ---------------------------------------------------------------------------------------------

/** Markup in pieces, so generated strings are dense in it. */
const MARKUP = ['[', ']', '{', '}', '|', '||', '!', '*', '_', '-', '--', '+', '^', '~', '??', '#', '(', ')', '\\', '\\\\', '&', '&#92;', '&amp;', '&lt;', ';', ':', ':D', '//', 'https://evil.example/p.png', 'mailto:', 'h1. ', ' ', '\n', '\r', '\t', 'x', 'é', '{html}', '{color:red}', '{noformat}', '{{', '}}', '[~admin]', '!p.png!', '[a|https://evil.example]', '[^f.pdf]', '\u00a0', '\uE000', '\uE001'];
const typedText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.array(fc.constantFrom(...MARKUP), { maxLength: 16 }).map((parts) => parts.join('')),
);
const typedFix: fc.Arbitrary<StoryFix> = fc.record({
  role: typedText,
  goal: typedText,
  benefit: typedText,
  metric: fc.oneof(typedText, typedText.map((t) => `Success: ${t}`)),
  visualsUrl: fc.oneof(typedText, typedText.map((t) => `https://www.figma.com/${t}`), fc.webUrl()),
});

/** What the modal's one-line fields become: line breaks are blanks, the ends trimmed. */
const oneLine = (s: string): string => s.replace(/\s*[\r\n]+\s*/g, ' ').trim();
const sorted = (xs: string[]): string[] => [...xs].sort();

describe('Fix it writes what is typed as text, generated (wiki markup)', () => {
  it('adds no link, image, mention or macro, and the story and success line read back as typed', () => {
    fc.assert(
      fc.property(wikiSpecArb, typedFix, (spec, fix) => {
        const { source } = buildWiki(spec);
        const result = rewriteWikiStory(source, fix, compiled);
        const before = readWiki(source);
        const after = readWiki(result);
        const design = safeDesignUrl(oneLine(fix.visualsUrl));
        expect(sorted(after.images)).toEqual(sorted(before.images));
        // A link the ticket has already is not added a second time.
        expect(sorted(after.links)).toEqual(sorted([...before.links, ...(design && !before.links.includes(design) ? [design] : [])]));
        const texts = after.blocks.map((b) => b.text);
        expect(texts.some((t) => t.includes(oneLine(storySentence(fix))))).toBe(true);
        const metric = oneLine(fix.metric).replace(/^success\s*:\s*/i, '');
        if (metric) expect(texts.some((t) => t.includes(metric))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
