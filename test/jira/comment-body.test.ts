import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { lintIssue } from '../../src/core/lint.js';
import { escapeWiki, renderAdfComment, renderWikiComment } from '../../src/core/render/jira-comment.js';
import { readWiki } from '../../src/core/ticket/wiki.js';
import { pollOnce } from '../../src/jobs/poller.js';
import { adfProblems } from '../../src/demo/stand-ins/adf-schema.js';
import { startTestBot, type TestBot } from '../helpers/bot.js';
import { issue } from '../helpers/issues.js';
import { JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';

const OPTIONS = { rulesDocUrl: 'https://docs.example/README.md', exemptLabel: 'centric:exempt' };
const failing = lintIssue(issue('As a user, I want [search|http://x] *and* {filter} products.'), DEFAULT_CONFIG);
const passing = lintIssue(
  issue('As a night nurse, I want to see my ward, so that I plan rounds.\n\nh3. Acceptance criteria\n* Given a ward, then I see it\n\nSuccess: task success +10% by March.\n\n!ward.png!\n\nResearch: night nurses told us in interviews that they lose track of their rounds.'),
  DEFAULT_CONFIG,
);

describe('the comment body', () => {
  it('is valid ADF on Cloud: a title with the score, one line per finding with its hint and rule link', () => {
    const adf = renderAdfComment(failing, OPTIONS);
    expect(adfProblems(adf)).toEqual([]);
    const content = adf.content as Array<Record<string, any>>;
    expect(content[0]).toEqual({ type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: 'Centric: 22/100, 2 checks to fix' }] });
    const items = content[1]!.content as Array<Record<string, any>>;
    expect(items).toHaveLength(failing.findings!.length);
    const first = items[0]!.content[0].content;
    expect(first[1]).toEqual({ type: 'text', text: 'customer-value', marks: [{ type: 'strong' }, { type: 'link', attrs: { href: 'https://docs.example/README.md#customer-value' } }] });
    expect(first[4].text).toBe(`Fix: ${failing.findings![0]!.hint}`);
    expect(adfProblems(renderAdfComment(passing, OPTIONS))).toEqual([]);
    expect(JSON.stringify(renderAdfComment(passing, OPTIONS))).toContain('Centric: 100/100, every check passes');
  });

  it('is exactly this body, in ADF and in wiki markup, failing and passing (an extra node or a lost field fails)', async () => {
    await expect(JSON.stringify(renderAdfComment(failing, OPTIONS), null, 2)).toMatchFileSnapshot('__snapshots__/sticky-comment-failing.adf.json');
    await expect(JSON.stringify(renderAdfComment(passing, { ...OPTIONS, note: 'Story updated from Slack by priya.' }), null, 2)).toMatchFileSnapshot('__snapshots__/sticky-comment-passing.adf.json');
    await expect(renderWikiComment(failing, OPTIONS)).toMatchFileSnapshot('__snapshots__/sticky-comment-failing.wiki.txt');
    await expect(renderWikiComment(passing, { ...OPTIONS, note: 'Story updated from Slack by priya.' })).toMatchFileSnapshot('__snapshots__/sticky-comment-passing.wiki.txt');
  });

  it('catches invalid ADF (the check itself can fail)', () => {
    expect(adfProblems({ type: 'doc', version: 1, content: [{ type: 'text', text: '' }, { type: 'heading', content: [] }] })).toEqual([
      '/content/0: "text" is not allowed here (allowed: blockCard, codeBlock, mediaSingle, paragraph, taskList, orderedList, bulletList, blockquote, …)',
      "/content/1: must have required property 'attrs'",
    ]);
  });

  it('is wiki markup on Data Center, with what the ticket wrote escaped', () => {
    const wiki = renderWikiComment(failing, OPTIONS);
    expect(wiki.split('\n')[0]).toBe('h3. Centric: 22/100, 2 checks to fix');
    expect(wiki).toContain('* (x) *[customer-value|https://docs.example/README.md#customer-value]*: ');
    expect(wiki).toContain('After "search and \\{filter\\} products", add');
    expect(wiki).not.toMatch(/[^\\]\{filter/);
    expect(escapeWiki('a*b_c[d]{e}|f!g')).toBe('a\\*b_c\\[d\\]\\{e\\}\\|f\\!g');
  });

  it('writes a hostile name in the note as text: no mention, image, macro or link', () => {
    const note = 'Story updated from Slack by [~jira-admin] !https://evil.example/p.png! {html}<b>x</b>{html} \\';
    const wiki = renderWikiComment(passing, { ...OPTIONS, note });
    const line = 'Story updated from Slack by \\[\\~jira-admin\\] \\!https&#58;//evil.example/p.png\\! \\{html\\}<b>x</b>\\{html\\} &#92;';
    expect(wiki.split('\n')).toContain(line);
    const read = readWiki(wiki);
    expect(read.images).toEqual([]);
    expect(read.links).toEqual([]);
    expect(read.blocks.map((b) => b.text)).toContain(note);
  });
});

let jira: JiraFake;
let t: TestBot | undefined;
beforeEach(() => isolateNetwork());
afterEach(async () => {
  await t?.stop();
  t = undefined;
  resetNetwork();
});

const dcIssue = (key: string, description: string) => ({
  key,
  fields: { summary: 'Save basket', description, issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [] },
});

describe('Jira Data Center', () => {
  it('reads wiki markup through REST v2 with the PAT as Bearer and writes a wiki comment', async () => {
    jira = new JiraFake(2);
    jira.install();
    jira.put(dcIssue('SHOP-7', 'As a *user*, I want to save my basket.'));
    t = await startTestBot({ env: { JIRA_DEPLOYMENT: 'datacenter', JIRA_PAT: 'NDc4MzQ2-secret-pat', JIRA_EMAIL: '', JIRA_API_TOKEN: '' } });
    await t.bot.accept({ kind: 'jira-issue', ticketKey: 'SHOP-7', payload: { webhookEvent: 'jira:issue_updated', userAccountId: 'priya', source: 'webhook' } }, 'test');
    await t.drained();
    const post = jira.writes().find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/rest/api/2/issue/SHOP-7/comment');
    const body = (post.body as { body: string }).body;
    expect(typeof body).toBe('string');
    expect(body).toMatch(/^h3\. Centric: \d+\/100, 2 checks to fix\n/);
    expect(body).toContain('* (x) *[customer-value|');
  });
});

describe('polling, with no webhook at all', () => {
  it('picks up changed tickets across several pages and comments on them', async () => {
    jira = new JiraFake(3);
    jira.install();
    for (let i = 1; i <= 3; i++) {
      jira.put({ key: `SHOP-${i}`, fields: { summary: 'x', description: { type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'As a user, I want it.' }] }] }, issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [], updated: '2026-11-22T10:00:00.000+0000' } as never });
    }
    t = await startTestBot({ config: { jira: { ...DEFAULT_CONFIG.jira, poll: { intervalMinutes: 5, projects: ['SHOP'] } } } });
    // startPoller ran one poll at start; a second finds nothing new to queue.
    await t.drained();
    const again = await pollOnce({ jira: t.bot.jira, config: { ...DEFAULT_CONFIG, jira: { ...DEFAULT_CONFIG.jira, poll: { intervalMinutes: 5, projects: ['SHOP'] } } }, accept: t.bot.accept, logger: t.bot.logger });
    expect(again).toEqual({ seen: 3, queued: 0 });
    await t.drained();
    expect(jira.writes().filter((c) => c.method === 'POST').map((c) => c.path)).toEqual([
      '/rest/api/3/issue/SHOP-1/comment',
      '/rest/api/3/issue/SHOP-2/comment',
      '/rest/api/3/issue/SHOP-3/comment',
    ]);
    const searches = jira.calls.filter((c) => c.path === '/rest/api/3/search/jql');
    expect(searches).toHaveLength(4);
  });
});
