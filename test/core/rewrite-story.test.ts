import { describe, expect, it } from 'vitest';
import { compile } from '../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { configForProject, lintIssue } from '../../src/core/lint.js';
import { parseConfig } from '../../src/config/load.js';
import { rewriteAdf, type AdfNode } from '../../src/core/story/rewrite-adf.js';
import { rewriteAdfStory, rewriteWikiStory, safeDesignUrl, storySentence } from '../../src/core/story/rewrite-story.js';
import { rewriteWiki } from '../../src/core/story/rewrite-wiki.js';
import { readWiki } from '../../src/core/ticket/wiki.js';
import { adfProblems } from '../../src/demo/stand-ins/adf-schema.js';
import { bullets, doc as adfDoc, heading, image, issue, para, text } from '../helpers/issues.js';

type Node = Record<string, any>;

const doc = (...content: Node[]): Node => adfDoc(...content) as Node;
const compiled = compile(DEFAULT_CONFIG);
const FIX = { role: 'returning shopper', goal: 'save my basket', benefit: 'I can pay on my phone', metric: 'checkout conversion +3% in 6 weeks', visualsUrl: 'https://www.figma.com/file/abc' };
const STORY_ONLY = { ...FIX, metric: '', visualsUrl: '' };
const NEW_STORY = 'As a returning shopper, I want to save my basket, so that I can pay on my phone.';

const mediaInline = (id: string): Node => ({ type: 'mediaInline', attrs: { type: 'file', id, collection: '' } });
const mention: Node = { type: 'mention', attrs: { id: 'acc-1', text: '@Priya' } };
const emoji: Node = { type: 'emoji', attrs: { shortName: ':tada:', text: '🎉' } };
const status: Node = { type: 'status', attrs: { text: 'IN REVIEW', color: 'blue' } };
const card: Node = { type: 'inlineCard', attrs: { url: 'https://example.com/spec' } };
const group = (id: string): Node => ({ type: 'mediaGroup', content: [{ type: 'media', attrs: { type: 'file', id, collection: '' } }] });
const cell = (...content: Node[]): Node => ({ type: 'tableCell', attrs: {}, content });
const row = (...cells: Node[]): Node => ({ type: 'tableRow', content: cells });

/** Rewrites an ADF document, checks it against Atlassian's schema, and that the linter reads the new story. */
function rewrite(original: Node, fix = STORY_ONLY): Node {
  expect(adfProblems(original)).toEqual([]);
  const result = rewriteAdfStory(original, fix, compiled) as Node;
  expect(adfProblems(result)).toEqual([]);
  expect(lintIssue(issue(result), DEFAULT_CONFIG).story).toMatchObject({ role: 'returning shopper', goal: 'save my basket', benefit: 'I can pay on my phone' });
  return result;
}

describe('rewriting the story of an ADF description', () => {
  it('replaces only the story text and keeps every other node, media included', () => {
    const inline = mediaInline('f3');
    const original = doc(
      heading('Context'),
      para(text('As a user, I want to save my basket.'), inline),
      image('basket.png'),
      bullets('Given a basket, then it is kept'),
      group('f2'),
      para(text('Success: faster checkout')),
    );
    const rewritten = rewrite(original, FIX);
    expect(rewritten.content.map((n: Node) => n.type)).toEqual(['heading', 'paragraph', 'mediaSingle', 'bulletList', 'mediaGroup', 'paragraph', 'paragraph']);
    // The inline media stays where it was, right after the story.
    // A blank after the story keeps what follows out of its last sentence, as the linter reads it.
    expect(rewritten.content[1]).toEqual(para(text(`${NEW_STORY} `), inline));
    expect(rewritten.content[1].content[1]).toBe(inline);
    expect(rewritten.content[5]).toEqual(para(text('Success: checkout conversion +3% in 6 weeks')));
    expect(rewritten.content[6]).toEqual(para(text('Design: '), text(FIX.visualsUrl, [{ type: 'link', attrs: { href: FIX.visualsUrl } }])));
    for (const i of [0, 2, 3, 4]) expect(rewritten.content[i]).toBe(original.content[i]);
  });

  it('puts the story first when the ticket had none, and leaves metric and design out when not given', () => {
    const original = doc(para(text('Refactor the basket.')));
    const rewritten = rewrite(original);
    expect(rewritten.content).toEqual([para(text(NEW_STORY)), para(text('Refactor the basket.'))]);
    expect(rewrite(doc())).toEqual(doc(para(text(NEW_STORY))));
    expect(rewriteAdfStory(null, STORY_ONLY, compiled)).toEqual(doc(para(text(NEW_STORY))));
  });

  it('rewrites a story in a bullet list and keeps the acceptance-criteria bullets beside it', () => {
    const original = doc(heading('Story'), bullets('As a user, I want to save my basket.', 'Given a basket, when I leave, then it is kept', 'Given no basket, then nothing is saved'));
    const rewritten = rewrite(original);
    const items = rewritten.content[1].content;
    expect(items).toHaveLength(3);
    expect(items[0]).toEqual({ type: 'listItem', content: [para(text(NEW_STORY))] });
    expect(items[1]).toBe(original.content[1].content[1]);
    expect(items[2]).toBe(original.content[1].content[2]);
    expect(rewritten.content[0]).toBe(original.content[0]);
  });

  it('rewrites a story inside a panel without losing the panel, its attributes or its image', () => {
    const media = image('wireframe.png');
    const panel = { type: 'panel', attrs: { panelType: 'note' }, content: [para(text('As a user, I want to save my basket so that I come back.')), media, para(text('Out of scope: gift cards.'))] };
    const rewritten = rewrite(doc(panel));
    expect(rewritten.content).toHaveLength(1);
    expect(rewritten.content[0]).toEqual({ ...panel, content: [para(text(NEW_STORY)), media, panel.content[2]] });
    expect(rewritten.content[0].content[1]).toBe(media);
  });

  it('rewrites a story in a table cell and keeps the other cells and rows', () => {
    const header = row(cell(para(text('Story'))), cell(para(text('Criteria'))));
    const criteria = cell(bullets('Given a basket, then it is kept'), group('f9'));
    const body = row(cell(para(text('As a user, I want to save my basket'))), criteria);
    const table = { type: 'table', attrs: { isNumberColumnEnabled: false, layout: 'default' }, content: [header, body] };
    const rewritten = rewrite(doc(table));
    const [first, second] = rewritten.content[0].content;
    expect(first).toBe(header);
    expect(second.content[0]).toEqual(cell(para(text(NEW_STORY))));
    expect(second.content[1]).toBe(criteria);
    expect(rewritten.content[0].attrs).toBe(table.attrs);
  });

  it('rewrites a story in a layout column and keeps the other column', () => {
    const right = { type: 'layoutColumn', attrs: { width: 50 }, content: [image('flow.png'), bullets('Given a basket, then it is kept')] };
    const left = { type: 'layoutColumn', attrs: { width: 50 }, content: [heading('Story'), para(text('As a user, I want to save my basket.'))] };
    const rewritten = rewrite(doc({ type: 'layoutSection', content: [left, right] }));
    const [newLeft, newRight] = rewritten.content[0].content;
    expect(newRight).toBe(right);
    expect(newLeft).toEqual({ ...left, content: [left.content[0], para(text(NEW_STORY))] });
  });

  it('rewrites a story in an expand and keeps its title and attachments', () => {
    const files = group('spec-file');
    const expand = { type: 'expand', attrs: { title: 'Details' }, content: [para(text('As a user, I want to save my basket.')), files] };
    const rewritten = rewrite(doc(expand));
    expect(rewritten.content[0]).toEqual({ ...expand, content: [para(text(NEW_STORY)), files] });
  });

  it('keeps the text before and after the story in the same paragraph', () => {
    const original = doc(para(text('Context: carts are lost on mobile. As a user, I want to save my basket so that I come back. More text follows.')));
    const rewritten = rewrite(original);
    expect(rewritten.content).toEqual([para(text(`Context: carts are lost on mobile. ${NEW_STORY} More text follows.`))]);
  });

  it('keeps media, mentions, emoji, status and cards right after the story, in place', () => {
    const inline = mediaInline('m1');
    const original = doc(para(text('As a user, I want to save my basket.'), inline, mention, emoji, status, card, text(' see the thread.')));
    const rewritten = rewrite(original);
    expect(rewritten.content[0].content).toEqual([text(`${NEW_STORY} `), inline, mention, emoji, status, card, text(' see the thread.')]);
    expect(rewritten.content[0].content[2]).toBe(mention);
  });

  it('keeps inline nodes that sat inside the old story, after the new one', () => {
    const inline = mediaInline('m2');
    const original = doc(para(text('As a user, I want to ask '), mention, text(' for help '), inline, text(' so that I get an answer')));
    const rewritten = rewrite(original);
    expect(rewritten.content[0].content).toEqual([text(NEW_STORY), text(' '), mention, inline]);
  });

  it('keeps the lines after a hard break, and takes the "So that" line into the story', () => {
    const original = doc(para(text('As a user, I want to save my basket'), { type: 'hardBreak' }, text('So that I can pay later.'), { type: 'hardBreak' }, text('Given a basket, then it is kept')));
    const rewritten = rewrite(original);
    expect(rewritten.content[0].content).toEqual([text(NEW_STORY), { type: 'hardBreak' }, text('Given a basket, then it is kept')]);
  });

  it('keeps formatting shared by the whole story and the text around a marked word', () => {
    const em = [{ type: 'em' }];
    const allEm = rewrite(doc(para(text('As a user, I want to save my basket.', em))));
    expect(allEm.content[0]).toEqual(para(text(NEW_STORY, em)));
    const strong = [{ type: 'strong' }];
    const partly = rewrite(doc(para(text('Note: ', strong), text('As a '), text('user', strong), text(', I want to save my basket.'))));
    expect(partly.content[0]).toEqual(para(text('Note: ', strong), text(NEW_STORY)));
  });

  it('leaves a story-like code block alone and rewrites the story after it', () => {
    const code = { type: 'codeBlock', attrs: { language: 'text' }, content: [text('As a hacker, I want root so that I win.')] };
    const rewritten = rewrite(doc(code, para(text('As a user, I want to save my basket.'))));
    expect(rewritten.content[0]).toBe(code);
    expect(rewritten.content[1]).toEqual(para(text(NEW_STORY)));
  });

  it('writes the metric after "Success:" wherever that line is, keeping its label and media', () => {
    const inline = mediaInline('s1');
    const strong = [{ type: 'strong' }];
    const original = doc(para(text('As a user, I want to save my basket.')), bullets('Given a basket, then it is kept'), {
      type: 'bulletList',
      content: [{ type: 'listItem', content: [para(text('Success:', strong), text(' faster checkout '), inline, { type: 'hardBreak' }, text('Measured weekly'))] }],
    });
    const rewritten = rewrite(original, { ...STORY_ONLY, metric: 'Success: checkout conversion +3% in 6 weeks' });
    expect(rewritten.content).toHaveLength(3);
    expect(rewritten.content[2].content[0].content[0]).toEqual(
      para(text('Success:', strong), text(' checkout conversion +3% in 6 weeks '), inline, { type: 'hardBreak' }, text('Measured weekly')),
    );
  });

  it('writes the success line on its own line of the story paragraph, not over the story', () => {
    const original = doc(para(text('As a user, I want to save my basket.'), { type: 'hardBreak' }, text('Success: faster')));
    const rewritten = rewrite(original, { ...STORY_ONLY, metric: 'checkout conversion +3% in 6 weeks' });
    expect(rewritten.content).toEqual([para(text(NEW_STORY), { type: 'hardBreak' }, text('Success: checkout conversion +3% in 6 weeks'))]);
  });
});

describe('the design link', () => {
  it('is written only when it is one https URL: no http, javascript:, spaces or markup that would close a link', () => {
    expect(safeDesignUrl(' https://www.figma.com/file/abc ')).toBe('https://www.figma.com/file/abc');
    for (const url of ['http://www.figma.com/file/abc', 'javascript:alert(1)', 'https://evil.example/x|[~jira-admin]', 'https://a.example/ b', 'https://a.example/!pixel.png!', 'https://a.example/{html}', 'not a url', '']) expect([url, safeDesignUrl(url)]).toEqual([url, '']);
    const wiki = rewriteWikiStory('As a user, I want to save my basket.', { ...FIX, visualsUrl: 'https://evil.example/x]{html}' }, compiled);
    expect(wiki).not.toContain('evil');
  });
});

describe('rewriting the story of wiki markup', () => {
  const wiki = (source: string, fix = STORY_ONLY): string => {
    const result = rewriteWikiStory(source, fix, compiled);
    expect(lintIssue(issue(result), DEFAULT_CONFIG).story).toMatchObject({ role: 'returning shopper', goal: 'save my basket', benefit: 'I can pay on my phone' });
    return result;
  };

  it('replaces the story paragraph and keeps images and everything else', () => {
    const source = 'h3. Context\n\nAs a user, I want to save my basket.\n\n!basket.png|thumbnail!\n\n* Given a basket\n\nSuccess: faster';
    expect(wiki(source, FIX)).toBe(
      `h3. Context\n\n${NEW_STORY}\n\n!basket.png|thumbnail!\n\n* Given a basket\n\nSuccess: checkout conversion \\+3% in 6 weeks\n\nDesign: [https://www.figma.com/file/abc]`,
    );
  });

  it('puts the story first when there is none, and keeps every line as it was', () => {
    expect(wiki('Refactor the basket.\n\n\n* Given a basket')).toBe(`${NEW_STORY}\n\nRefactor the basket.\n\n\n* Given a basket`);
    expect(wiki('')).toBe(NEW_STORY);
  });

  it('rewrites a story in a bullet and keeps the bullet and its neighbours', () => {
    const source = 'h3. Story\n* As a user, I want to save my basket\n* Given a basket, then it is kept\n!basket.png!';
    expect(wiki(source)).toBe(`h3. Story\n* ${NEW_STORY}\n* Given a basket, then it is kept\n!basket.png!`);
  });

  it('rewrites a story in a table cell and keeps the bars and the other cells', () => {
    const source = '||Story||Criteria||\n| As a user, I want to save my basket | Given a basket |\n| !mock.png|thumbnail! | Then it is kept |';
    expect(wiki(source)).toBe(`||Story||Criteria||\n| ${NEW_STORY} | Given a basket |\n| !mock.png|thumbnail! | Then it is kept |`);
  });

  it('escapes what would break the table: a bar typed into the persona stays in its cell', () => {
    const result = rewriteWikiStory('| As a user, I want to save my basket | Given |', { ...STORY_ONLY, role: 'buyer|seller' }, compiled);
    expect(result).toBe('| As a buyer\\|seller, I want to save my basket, so that I can pay on my phone. | Given |');
  });

  it('rewrites a story inside a panel or a quote and keeps the macros and images', () => {
    expect(wiki('{panel:title=Story}\nAs a user, I want to save my basket.\n!mock.png!\n{panel}')).toBe(`{panel:title=Story}\n${NEW_STORY}\n!mock.png!\n{panel}`);
    expect(wiki('{quote}Context: carts get lost. As a user, I want to save my basket. More text.{quote}')).toBe(`{quote}Context: carts get lost. ${NEW_STORY} More text.{quote}`);
    expect(wiki('bq. As a user, I want to save my basket')).toBe(`bq. ${NEW_STORY}`);
  });

  it('keeps images on the story line, before and after it, and inside it', () => {
    expect(wiki('!before.png! As a user, I want to save my basket so that I come back !after.png|thumbnail!\nGiven a basket')).toBe(
      `!before.png! ${NEW_STORY} !after.png|thumbnail!\nGiven a basket`,
    );
    expect(wiki('As a user, I want !flow.png! to save my basket so that I come back.')).toBe(`${NEW_STORY} !flow.png!`);
  });

  it('takes a "so that" on the next line into the story and keeps the lines after it', () => {
    expect(wiki('As a user, I want to save my basket\nSo that: I come back\nGiven a basket')).toBe(`${NEW_STORY}\nGiven a basket`);
  });

  it('leaves no lone emphasis marker behind', () => {
    expect(wiki('*As a user*, I want to save my basket.')).toBe(NEW_STORY);
    expect(wiki('*As a user, I want to save my basket.*')).toBe(`*${NEW_STORY}*`);
  });

  it('leaves a story in a code block alone', () => {
    expect(wiki('{code}As a hacker, I want root so that I win{code}\nAs a user, I want to save my basket.')).toBe(`{code}As a hacker, I want root so that I win{code}\n${NEW_STORY}`);
  });

  it('writes the metric after "Success:" in a bullet, keeping the bullet, and keeps Windows line endings', () => {
    const source = 'As a user, I want to save my basket.\r\n\r\n* Success: faster !chart.png!\r\n* Given a basket';
    expect(wiki(source, { ...FIX, metric: 'checkout conversion +3% in 6 weeks' })).toBe(
      `${NEW_STORY}\r\n\r\n* Success: checkout conversion \\+3% in 6 weeks !chart.png!\r\n* Given a basket\r\n\r\nDesign: [https://www.figma.com/file/abc]`,
    );
  });

  it('appends a success line when the ticket has none, after everything that was there', () => {
    expect(wiki('h3. Story\n* As a user, I want to save my basket.\n', { ...STORY_ONLY, metric: 'checkout conversion +3% in 6 weeks' })).toBe(
      `h3. Story\n* ${NEW_STORY}\n\nSuccess: checkout conversion \\+3% in 6 weeks`,
    );
  });
});

describe('what is typed into Fix it stays text on Data Center (wiki markup)', () => {
  const OLD = 'As a user, I want to save my basket.';
  const sentence = (fix: Partial<typeof STORY_ONLY>): string => storySentence({ ...STORY_ONLY, ...fix });

  it.each([
    ['a user mention', { role: '[~jira-admin]' }, 'As a \\[\\~jira-admin\\], I want to save my basket, so that I can pay on my phone.'],
    ['an image from another server', { goal: 'see !https://evil.example/pixel.png! here' }, 'As a returning shopper, I want to see \\!https&#58;//evil.example/pixel.png\\! here, so that I can pay on my phone.'],
    ['an html macro', { benefit: '{html}<script>alert(1)</script>{html}' }, 'As a returning shopper, I want to save my basket, so that \\{html\\}<script>alert(1)</script>\\{html\\}.'],
    ['noformat and colour macros', { goal: 'read {noformat}x{noformat} and {color:red}red{color}' }, 'As a returning shopper, I want to read \\{noformat\\}x\\{noformat\\} and \\{color:red\\}red\\{color\\}, so that I can pay on my phone.'],
    ['links and attachments', { goal: 'open [the spec|https://evil.example/] and [^file.pdf]' }, 'As a returning shopper, I want to open \\[the spec\\|https&#58;//evil.example/\\] and \\[\\^file.pdf\\], so that I can pay on my phone.'],
    ['table bars', { role: 'buyer||seller | admin' }, 'As a buyer\\|\\|seller \\| admin, I want to save my basket, so that I can pay on my phone.'],
    [
      'emphasis, citations, monospace, dashes and emoticons (a bracket that makes none is left alone)',
      { goal: 'see *bold* _it_ +under+ ^sup^ ~sub~ -del- ??cite?? {{mono}} -- (x) :) :D (as is)' },
      'As a returning shopper, I want to see \\*bold\\* \\_it\\_ \\+under\\+ \\^sup\\^ \\~sub\\~ \\-del\\- \\?\\?cite\\?\\? \\{\\{mono\\}\\} \\-\\- \\(x) :\\) &#58;D (as is), so that I can pay on my phone.',
    ],
    ['backslashes and entities', { goal: 'type C:\\temp\\* and \\\\ and &#92; and R&D' }, 'As a returning shopper, I want to type C:&#92;temp&#92;\\* and &#92;&#92; and &amp;\\#92; and R&D, so that I can pay on my phone.'],
    ['bare links, which Jira would link by itself', { goal: 'mail mailto:x@y.example or http://evil.example/a' }, 'As a returning shopper, I want to mail mailto&#58;x@y.example or http&#58;//evil.example/a, so that I can pay on my phone.'],
    ['hyphens and underscores inside words (left as they are)', { role: 'first-time shopper_on mobile' }, 'As a first-time shopper_on mobile, I want to save my basket, so that I can pay on my phone.'],
  ])('%s', (_what, fix, written) => {
    const result = rewriteWikiStory(OLD, { ...STORY_ONLY, ...fix }, compiled);
    expect(result).toBe(written);
    // Read back, it is the sentence as typed, and nothing else: no link, image, mention or macro.
    expect(readWiki(result)).toEqual({ blocks: [{ kind: 'paragraph', text: sentence(fix) }], links: [], images: [], truncated: false });
  });

  it('escapes the success line the same way', () => {
    const result = rewriteWikiStory(OLD, { ...STORY_ONLY, metric: '[~admin] +5% !x.png! in Q3' }, compiled);
    expect(result).toBe(`${NEW_STORY}\n\nSuccess: \\[\\~admin\\] \\+5% \\!x.png\\! in Q3`);
    expect(readWiki(result).blocks.map((b) => b.text)).toEqual([NEW_STORY, 'Success: [~admin] +5% !x.png! in Q3']);
    expect(rewriteWikiStory(`${OLD}\n\n* Success: faster !chart.png!`, { ...STORY_ONLY, metric: '{html}x{html}' }, compiled)).toBe(`${NEW_STORY}\n\n* Success: \\{html\\}x\\{html\\} !chart.png!`);
  });

  it('writes no design link that would close its own link, or that is not https, whoever calls', () => {
    for (const visualsUrl of ['https://figma.com/x]', 'https://figma.com/x|[~jira-admin]', 'https://figma.com/x]!https://evil.example/p.png!', 'http://figma.com/x', 'javascript:alert(1)']) {
      expect(rewriteWikiStory(OLD, { ...STORY_ONLY, visualsUrl }, compiled)).toBe(NEW_STORY);
      expect(rewriteWiki(OLD, { story: NEW_STORY, success: '', successLine: '', designUrl: visualsUrl }, compiled)).toBe(NEW_STORY);
    }
  });

  it('reads a story written before with escapes as text, and rewrites it without keeping its "images"', () => {
    const first = rewriteWikiStory(OLD, { ...STORY_ONLY, goal: 'see !x.png! and {panel}' }, compiled);
    expect(readWiki(first).images).toEqual([]);
    expect(rewriteWikiStory(first, STORY_ONLY, compiled)).toBe(NEW_STORY);
  });

  it('keeps a story-like sentence that is not the story (no goal) before the story', () => {
    expect(rewriteWikiStory(`As a q, I want. As a q, I want. ${OLD}`, STORY_ONLY, compiled)).toBe(`As a q, I want. As a q, I want. ${NEW_STORY}`);
  });
});

describe('what is typed into Fix it stays text on Cloud (ADF)', () => {
  it('writes the typed text into a text node as it is: no mention, link, card or mark comes of it', () => {
    const fix = { ...STORY_ONLY, role: '[~jira-admin]', goal: 'see !https://evil.example/p.png! [x|https://evil.example]' };
    const result = rewriteAdfStory(doc(para(text('As a user, I want to save my basket.'))), fix, compiled);
    expect(adfProblems(result)).toEqual([]);
    expect(result).toEqual(doc(para(text(storySentence(fix)))));
  });

  it('writes only an https design link, whoever calls', () => {
    const edit = { story: NEW_STORY, success: '', successLine: '', designUrl: 'javascript:alert(1)' };
    const empty = doc() as AdfNode;
    expect(rewriteAdf(empty, edit, compiled)).toEqual(doc(para(text(NEW_STORY))));
    const https = rewriteAdf(empty, { ...edit, designUrl: 'https://www.figma.com/file/abc' }, compiled);
    expect(https.content![1]).toEqual(para(text('Design: '), text('https://www.figma.com/file/abc', [{ type: 'link', attrs: { href: 'https://www.figma.com/file/abc' } }])));
  });

  it('does not carry a link mark of the old story onto the new text unless it is an https link', () => {
    const unsafe = [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }];
    expect(rewrite(doc(para(text('As a user, I want to save my basket.', unsafe)))).content[0]).toEqual(para(text(NEW_STORY)));
    const safe = [{ type: 'link', attrs: { href: 'https://www.figma.com/file/abc' } }];
    expect(rewrite(doc(para(text('As a user, I want to save my basket.', safe)))).content[0]).toEqual(para(text(NEW_STORY, safe)));
  });
});

describe('Fix it rewrites the story lint reports, and writes a job story where lint reads one (second review, findings 1 and 2)', () => {
  const JOB_ONLY = parseConfig('projects:\n  OPS:\n    rules:\n      story-format: { forms: [job] }\n', 'centric.yml');
  const ops = compile(configForProject(JOB_ONLY, 'OPS'));
  const lintOps = (description: unknown) => lintIssue(issue(description, {}, 'OPS-1'), JOB_ONLY);
  const JOB = "When I'm re-ordering supplies at the end of a night shift, I want to repeat last week's order, so I can get home on time.";
  const JOB_STORY = { kind: 'job', role: '', situation: "I'm re-ordering supplies at the end of a night shift", goal: "repeat last week's order", benefit: 'I can get home on time', language: 'en' };
  const jobFix = { role: '', situation: "I'm re-ordering supplies at the end of a night shift", goal: "repeat last week's order", benefit: 'get home on time', metric: '', visualsUrl: '' };
  const STEP = 'Open the checkout. When I click Pay, I need to enter my card twice.';
  const USER = "As a night nurse, I want to repeat last week's order, so that I get home on time.";
  const CONTEXT = 'Nurses re-order supplies at night; it takes 20 minutes.';

  it("never overwrites a bug's repro step: lint reports no story, so the new story goes first (ADF)", () => {
    const bug = doc(para(text('The Pay button charges twice on mobile.')), heading('Steps to reproduce'), para(text(STEP)));
    expect(lintIssue(issue(bug), DEFAULT_CONFIG).story).toBeNull();
    const result = rewrite(bug);
    expect(result).toEqual(doc(para(text(NEW_STORY)), ...bug.content));
    bug.content.forEach((node: Node, i: number) => expect(result.content[i + 1]).toBe(node));
    // A job story too: the step stays as it was.
    expect(rewriteAdfStory(bug, jobFix, compiled)).toEqual(doc(para(text(JOB)), ...bug.content));
  });

  it("never overwrites a bug's repro step (wiki)", () => {
    const bug = `The Pay button charges twice on mobile.\n\nh3. Steps to reproduce\n${STEP}`;
    expect(rewriteWikiStory(bug, STORY_ONLY, compiled)).toBe(`${NEW_STORY}\n\n${bug}`);
    expect(rewriteWikiStory(`Steps to reproduce:\n${STEP}`, jobFix, compiled)).toBe(`${JOB}\n\nSteps to reproduce:\n${STEP}`);
  });

  it('writes the job story in place of a user story after a context paragraph, and the ticket then lints with it (ADF)', () => {
    const before = doc(para(text(CONTEXT)), para(text(USER)));
    expect(lintOps(before).story).toMatchObject({ kind: 'user' });
    const result = rewriteAdfStory(before, jobFix, ops) as Node;
    expect(adfProblems(result)).toEqual([]);
    expect(result).toEqual(doc(para(text(CONTEXT)), para(text(JOB))));
    const report = lintOps(result);
    expect(report.story).toEqual(JOB_STORY);
    expect(report.findings?.find((f) => f.rule === 'story-format')).toBeUndefined();
  });

  it('writes the job story in place of a user story after a context paragraph (wiki)', () => {
    const result = rewriteWikiStory(`${CONTEXT}\n\n${USER}`, jobFix, ops);
    expect(result).toBe(`${CONTEXT}\n\n${JOB}`);
    expect(lintOps(result).story).toEqual(JOB_STORY);
  });

  it('rewrites a job story in a list item or a table cell where it stands', () => {
    const old = "When I'm re-ordering at night, I want to repeat the order.";
    expect(rewriteWikiStory(`Notes.\n\n* ${old}\n* Another note`, jobFix, ops)).toBe(`Notes.\n\n* ${JOB}\n* Another note`);
    expect(rewriteWikiStory(`||Job story||\n|${old}|`, jobFix, ops)).toBe(`||Job story||\n|${JOB}|`);
    const cell = (...content: Node[]): Node => ({ type: 'tableCell', attrs: {}, content });
    const table = (s: string): Node => ({ type: 'table', content: [{ type: 'tableRow', content: [cell(para(text(s)))] }] });
    expect(rewriteAdfStory(doc(para(text('Notes.')), table(old)), jobFix, ops)).toEqual(doc(para(text('Notes.')), table(JOB)));
  });

  it('takes a user story out from under the acceptance criteria and puts the job story first, where lint reads it', () => {
    const adf = doc(para(text(CONTEXT)), heading('Acceptance criteria'), para(text(USER)), bullets('Given an order, then it is sent'));
    const result = rewriteAdfStory(adf, jobFix, ops) as Node;
    expect(adfProblems(result)).toEqual([]);
    expect(result).toEqual(doc(para(text(JOB)), para(text(CONTEXT)), heading('Acceptance criteria'), { type: 'paragraph', content: [] }, adf.content[3]));
    expect(lintOps(result).story).toEqual(JOB_STORY);
    const wiki = rewriteWikiStory(`${CONTEXT}\n\nh3. Acceptance criteria\n${USER}\n* Given an order, then it is sent`, jobFix, ops);
    expect(wiki).toBe(`${JOB}\n\n${CONTEXT}\n\nh3. Acceptance criteria\n\n* Given an order, then it is sent`);
    expect(lintOps(wiki).story).toEqual(JOB_STORY);
  });

  it('rewrites the user story lint reports, not a job story before it that lint passes over', () => {
    // A user story anywhere wins over a job story (the job story is then context): Fix it rewrites the user story.
    const source = `When I'm re-ordering at night, I want to repeat the order.\n\n${USER}`;
    expect(lintIssue(issue(source), DEFAULT_CONFIG).story).toMatchObject({ kind: 'user', role: 'night nurse' });
    expect(rewriteWikiStory(source, STORY_ONLY, compiled)).toBe(`When I'm re-ordering at night, I want to repeat the order.\n\n${NEW_STORY}`);
  });
});

describe('the success line Fix it rewrites is its story language’s', () => {
  const compiled = compile(DEFAULT_CONFIG);
  const fix = { role: 'night nurse', goal: 'to see my ward', benefit: 'I can plan my round', metric: 'round planning time -30% by March', visualsUrl: '' };

  it('an English story leaves a line labelled in another language alone and adds its own', () => {
    const written = rewriteWikiStory('As a user, I want to see beds.\n\nErfolg: alte Kennzahl', fix, compiled);
    expect(written).toContain('Erfolg: alte Kennzahl');
    expect(written).toMatch(/^Success: round planning time \\-30% by March$/m);
  });

  it('a German story rewrites its own "Erfolg:" line, and an earlier "Success:" one, instead of adding a second', () => {
    const german = { ...fix, role: 'Nachtschwester', goal: 'meine Station sehen', benefit: 'ich meine Runde plane', metric: 'Planungszeit -30% bis März', language: 'de' as const };
    for (const label of ['Erfolg', 'Success']) {
      const written = rewriteWikiStory(`Als Pflegekraft möchte ich Betten sehen.\n\n${label}: alte Kennzahl`, german, compiled);
      expect(written).not.toContain('alte Kennzahl');
      // The line keeps the label it had; there is one.
      expect(written.match(/^(Erfolg|Success):.*$/gm)).toEqual([`${label}: Planungszeit \\-30% bis März`]);
    }
  });

  it('a French story rewrites the "Succès :" line its hint suggests, and takes the label off what was typed', () => {
    const french = { ...fix, role: 'infirmière de nuit', goal: 'voir mon service', benefit: 'planifier ma ronde', metric: 'Succès : temps de planification -30 % d’ici mars', language: 'fr' as const };
    const written = rewriteWikiStory('En tant qu’infirmière, je veux voir les lits.\n\nSuccès : ancien indicateur', french, compiled);
    expect(written).not.toContain('ancien indicateur');
    expect(written.match(/^(Succès|Réussite).*$/gm)).toEqual(['Succès : temps de planification \\-30 % d’ici mars']);
    // A story without one gets Fix it's own label once, not "Réussite : Succès : …".
    expect(rewriteWikiStory('En tant qu’infirmière, je veux voir les lits.', french, compiled).match(/^(Succès|Réussite).*$/gm)).toEqual(['Réussite\u00a0: temps de planification \\-30 % d’ici mars']);
  });
});

describe('the design link Fix it writes', () => {
  const compiled = compile(DEFAULT_CONFIG);
  const fix = { role: 'night nurse', goal: 'to see my ward', benefit: 'I can plan my round', metric: '', visualsUrl: 'https://www.figma.com/file/abc' };

  it('is added once: submitting the pre-filled link again adds no second Design line (ADF and wiki)', () => {
    const wiki = rewriteWikiStory('As a user, I want to see beds.', fix, compiled);
    expect(rewriteWikiStory(wiki, fix, compiled)).toBe(wiki);
    expect(wiki.match(/Design:/g)).toHaveLength(1);
    const adf = rewriteAdfStory(adfDoc(para(text('As a user, I want to see beds.'))), fix, compiled);
    const again = rewriteAdfStory(adf, fix, compiled);
    expect(JSON.stringify(again)).toBe(JSON.stringify(adf));
    expect(JSON.stringify(adf).match(/Design: /g)).toHaveLength(1);
  });
});
