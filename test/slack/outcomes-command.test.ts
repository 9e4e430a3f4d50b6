import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestBot, type TestBot } from '../helpers/bot.js';
import { JiraFake, isolateNetwork, resetNetwork } from '../helpers/jira-fake.js';
import { slashCommand } from '../helpers/slash.js';
import { storeReviews } from '../helpers/stored-reviews.js';

const DAY = 86_400_000;
let jira: JiraFake;
let t: TestBot | undefined;
beforeEach(() => {
  isolateNetwork();
  jira = new JiraFake(3);
  jira.install();
  // U1's confirmed Slack e-mail (the stand-in's) proves acc-priya.
  jira.accounts.set('priya@acme.io', 'acc-priya');
  jira.put({ key: 'SHOP-99', fields: { summary: 'x', description: null, issuetype: { name: 'Story' }, project: { key: 'SHOP' }, labels: [], attachment: [] } } as never);
});
afterEach(async () => {
  await t?.stop();
  t = undefined;
  resetNetwork();
});

const slash = (text: string, user = 'U1') => slashCommand(t!, text, user);

const day = (at: number) => new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

describe('/centric outcomes', () => {
  it('shows the hit rate, overdue, pending and recent answers of a project, escaped', async () => {
    t = await startTestBot();
    const now = Date.now();
    const ago = (days: number) => now - days * DAY;
    await storeReviews(t.bot.store, [
      { key: 'SHOP-12', summary: 'Gift wrap <!channel>', outcome: 'hit', measured: '2.7%', note: 'see <https://evil|here> & smile', answeredName: 'Priya Nair', shippedAt: ago(50), answeredAt: ago(5) },
      { key: 'SHOP-4', summary: 'Handover list', role: 'ward nurse', outcome: 'missed', shippedAt: ago(80), answeredAt: ago(30) },
      { key: 'SHOP-9', summary: 'Saved baskets', status: 'asked', shippedAt: ago(48), askedAt: ago(6), remindedAt: ago(3) },
      { key: 'SHOP-20', summary: 'Gift notes', status: 'scheduled', shippedAt: ago(2), dueAt: ago(-40) },
      // Answered too long ago, and another project's.
      { key: 'SHOP-1', outcome: 'missed', shippedAt: ago(200), answeredAt: ago(150) },
      { key: 'OPS-1', outcome: 'missed', shippedAt: ago(20), answeredAt: ago(1) },
    ]);
    const reply = await slash('outcomes shop');
    expect(reply.text).toBe('Outcomes of SHOP: hit rate 50% (1 hit, 1 missed) over the last 90 days; 1 overdue, 1 pending, 2 answered');
    const promise = 'checkout conversion from 2.1% to 2.6% within 6 weeks';
    const link = (key: string) => `<https://acme.atlassian.net/browse/${key}|${key}>`;
    expect(reply.blocks).toEqual([
      { type: 'header', text: { type: 'plain_text', text: 'Outcomes of SHOP' } },
      { type: 'section', text: { type: 'mrkdwn', text: '*Hit rate:* 50% (1 hit, 1 missed) over the last 90 days' } },
      { type: 'section', text: { type: 'mrkdwn', text: `*Overdue (1)*\n• ${link('SHOP-9')} Saved baskets · ${promise}\n    asked ${day(ago(6))}, reminded ${day(ago(3))}, no answer yet` } },
      { type: 'section', text: { type: 'mrkdwn', text: `*Pending (1)*\n• ${link('SHOP-20')} Gift notes · ${promise}\n    review due ${day(ago(-40))}` } },
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text:
            `*Answered recently (2)*\n• ${link('SHOP-12')} Gift wrap &lt;!channel&gt; · ${promise}\n    *target hit* · measured 2.7% · “see &lt;https://evil|here&gt; &amp; smile” · Priya Nair, ${day(ago(5))}` +
            `\n• ${link('SHOP-4')} Handover list · ${promise}\n    *missed* · Priya Nair, ${day(ago(30))}`,
        },
      },
    ]);
  });

  it('says so when a project has no outcome to show, and asks for a project when none is named', async () => {
    t = await startTestBot();
    expect((await slash('outcomes')).text).toBe('Which project? Name one: `/centric outcomes SHOP`.');
    expect((await slash('outcomes SHOP')).text).toBe('SHOP has no outcome review waiting, and none was answered in the last 90 days. A review is scheduled when a story that promises a customer metric is done.');
  });

  it('shows nothing to someone unlinked, or whose Jira account may not browse the project', async () => {
    t = await startTestBot();
    await storeReviews(t.bot.store, [{ key: 'VAULT-1', summary: 'Secret merger', status: 'scheduled', shippedAt: Date.now() - DAY }]);
    jira.put({ key: 'VAULT-2', fields: { summary: 'x', description: null, issuetype: { name: 'Story' }, project: { key: 'VAULT' }, labels: [], attachment: [] } } as never);
    jira.restrict('VAULT', { browse: ['acc-cfo'] });
    const refused = await slash('outcomes VAULT');
    expect(refused.text).toBe('Your Jira account may not browse VAULT (or it does not exist), so Centric will not show it for you either.');
    expect(JSON.stringify(refused)).not.toMatch(/merger/i);
    expect((await slash('outcomes SHOP', 'U2')).text).toMatch(/^Link your Jira account first/);
  });

  it('lists at most 10 reviews per group, and says where the rest are', async () => {
    t = await startTestBot();
    const now = Date.now();
    await storeReviews(t.bot.store, Array.from({ length: 13 }, (_, i) => ({ key: `SHOP-${i + 1}`, status: 'scheduled', shippedAt: now - DAY, dueAt: now + (i + 1) * DAY })));
    const reply = await slash('outcomes SHOP');
    expect(reply.text).toBe('Outcomes of SHOP: hit rate – (none answered in the last 90 days); 0 overdue, 13 pending, 0 answered');
    const pending = reply.blocks.find((b) => String(b.text?.text).startsWith('*Pending (13)*'))!.text.text as string;
    const lines = pending.split('\n');
    expect(lines.filter((l) => l.startsWith('• '))).toHaveLength(10);
    expect(lines.at(-1)).toBe('…and 3 more: `centric outcomes --project SHOP` lists them all');
  });

  it('is in /centric help', async () => {
    t = await startTestBot();
    expect((await slash('help')).text).toContain('/centric outcomes SHOP');
  });
});
