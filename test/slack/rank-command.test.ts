import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { parseCommand } from '../../src/core/slash-command.js';
import { startTestBot, type TestBot } from '../helpers/bot.js';
import { JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';
import { slashCommand } from '../helpers/slash.js';

const FORMULA = 'customer score = benefit × (1 + 0.25 × min(evidence, 4)) × (1 + 0.1 × min(other stories for the persona, 10)) ÷ cost; business = business value ÷ cost';
const CONFIG = { digest: { ...DEFAULT_CONFIG.digest, benefitField: 'customfield_1', costField: 'customfield_2' }, rank: { ...DEFAULT_CONFIG.rank, businessValueField: 'customfield_3' } };

let jira: JiraFake;
let t: TestBot | undefined;
beforeEach(() => {
  isolateNetwork();
  jira = new JiraFake(3);
  jira.install();
  // U1's confirmed Slack e-mail (the stand-in's) proves acc-priya.
  jira.accounts.set('priya@acme.io', 'acc-priya');
});
afterEach(async () => {
  await t?.stop();
  t = undefined;
  resetNetwork();
});

const doc = (text: string) => ({ type: 'doc', version: 1, content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] });

function put(key: string, summary: string, fields: Record<string, unknown>, role = 'night nurse', done = false): void {
  const status = done ? { name: 'Done', statusCategory: { key: 'done' } } : { name: 'To Do', statusCategory: { key: 'new' } };
  const project = { key: key.slice(0, key.indexOf('-')) };
  jira.put({ key, fields: { summary, description: doc(`As a ${role}, I want to see my ward so that I can plan my shift.`), issuetype: { name: 'Story' }, status, project, labels: [], attachment: [], ...fields } } as never);
}

const slash = (text: string, user = 'U1') => slashCommand(t!, text, user);

const link = (key: string) => `<https://acme.atlassian.net/browse/${key}|${key}>`;
const lint = (text: string) => /lint (\d+)/.exec(text)![1];

describe('/centric rank', () => {
  it('parses a project, and asks for one when none is named', () => {
    expect(parseCommand('rank shop')).toEqual({ ok: true, command: { name: 'rank', project: 'SHOP' } });
    expect(parseCommand('rank')).toEqual({ ok: false, error: 'Which project? Name one: `/centric rank SHOP`.' });
    expect(parseCommand('rank project = SHOP')).toEqual({ ok: false, error: '"project = SHOP" is not a project key: type `/centric rank SHOP`.' });
    expect(parseCommand('rnak SHOP')).toMatchObject({ ok: false, error: expect.stringContaining('Did you mean `/centric rank`?') });
  });

  it('shows the top stories by customer benefit ÷ cost with the formula, every Jira text escaped', async () => {
    t = await startTestBot({ config: CONFIG });
    put('SHOP-1', 'Ward overview', { customfield_1: 6, customfield_2: 3, customfield_3: 10 });
    put('SHOP-2', 'Handover <!channel> & <https://evil|click>', { customfield_1: 8, customfield_2: 2 }, 'ward <@U999> clerk');
    put('SHOP-3', 'Rota export', { customfield_1: 5, customfield_2: 0 });
    put('SHOP-4', 'Shipped', { customfield_1: 99, customfield_2: 1 }, 'night nurse', true);
    const reply = await slash('rank shop');
    expect(reply.text).toBe('Ranking of SHOP: 3 open stories, 2 ranked');
    const [first, second] = [reply.blocks[2]!.text.text as string, reply.blocks[3]!.text.text as string];
    expect(reply.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Ranking of SHOP' } },
      { type: 'section', text: { type: 'mrkdwn', text: `*Formula:* ${FORMULA}\n_Highest customer score first; ties: more evidence first, then the higher lint score, then the ticket key._` } },
      { type: 'section', text: { type: 'mrkdwn', text: `*1.* ${link('SHOP-2')} Handover &lt;!channel&gt; &amp; &lt;https://evil|click&gt;\n    customer *4* · business – · benefit 8 ÷ cost 2 · evidence 0 · for ward &lt;@u999&gt; clerk · lint ${lint(first)}` } },
      { type: 'section', text: { type: 'mrkdwn', text: `*2.* ${link('SHOP-1')} Ward overview\n    customer *2.2* · business 3.33 · benefit 6 ÷ cost 3 · evidence 0 · for night nurse (+1) · lint ${lint(second)}` } },
      { type: 'context', elements: [{ type: 'mrkdwn', text: '1 not ranked (no benefit or no cost): `centric rank --project SHOP` lists them all.' }] },
    ]);
    const search = jira.calls.find((c) => c.path === '/rest/api/3/search/jql')!;
    expect(search.query.get('jql')).toBe('project = "SHOP" AND statusCategory != Done ORDER BY key');
  });

  it('shows the top 10 only, and says how many more there are', async () => {
    t = await startTestBot({ config: CONFIG });
    for (let i = 1; i <= 13; i++) put(`SHOP-${i}`, `Story ${i}`, { customfield_1: i, customfield_2: 1 });
    const reply = await slash('rank SHOP');
    const stories = reply.blocks.filter((b) => b.type === 'section' && String(b.text.text).startsWith('*'));
    expect(stories.slice(1).map((b) => /browse\/(SHOP-\d+)/.exec(b.text.text)![1])).toEqual(['SHOP-13', 'SHOP-12', 'SHOP-11', 'SHOP-10', 'SHOP-9', 'SHOP-8', 'SHOP-7', 'SHOP-6', 'SHOP-5', 'SHOP-4']);
    expect(reply.blocks.at(-1)).toEqual({ type: 'context', elements: [{ type: 'mrkdwn', text: '3 more ranked: `centric rank --project SHOP` lists them all.' }] });
  });

  it('says so when nothing can be ranked', async () => {
    t = await startTestBot({ config: CONFIG });
    // A bug is no story: the project exists, with nothing to rank.
    put('SHOP-9', 'Crash', { issuetype: { name: 'Bug' }, customfield_1: 1, customfield_2: 1 });
    expect((await slash('rank SHOP')).text).toBe('SHOP has no open story to rank.');
    put('SHOP-1', 'Ward overview', { customfield_2: 3 });
    expect((await slash('rank SHOP')).text).toBe(
      // One story: "the one open story", not "the 1 open stories".
      'The one open story of SHOP has no benefit and cost to rank by: set digest.benefitField and digest.costField in centric.yml, and fill them in on the tickets.',
    );
  });

  it('shows nothing to someone unlinked, or whose Jira account may not browse the project', async () => {
    t = await startTestBot({ config: CONFIG });
    put('VAULT-1', 'Secret merger', { customfield_1: 9, customfield_2: 1 });
    jira.restrict('VAULT', { browse: ['acc-cfo'] });
    const refused = await slash('rank VAULT');
    expect(refused.text).toBe('Your Jira account may not browse VAULT (or it does not exist), so Centric will not show it for you either.');
    expect(JSON.stringify(refused)).not.toMatch(/merger/i);
    expect((await slash('rank VAULT', 'U2')).text).toMatch(/^Link your Jira account first/);
    expect(jira.calls.some((c) => c.path === '/rest/api/3/search/jql')).toBe(false);
  });

  it('is in /centric help', async () => {
    t = await startTestBot();
    expect((await slash('help')).text).toContain('/centric rank SHOP');
  });
});
