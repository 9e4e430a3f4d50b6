import { describe, expect, it } from 'vitest';
import { buildDigest, type LintRecord, type TicketFacts } from '../../src/core/digest.js';
import { channelPoster, slackChat } from '../../src/slack/dm.js';
import { recordingClient, snapshotOf } from '../helpers/slack-client.js';

const WEEK = 7 * 86_400_000;
// The clock the digest is built at: Monday 09:00 in Berlin.
const END = Date.parse('2026-11-23T08:00:00Z');
const at = (weeksAgo: number, hours = 1) => END - weeksAgo * WEEK + hours * 3_600_000;
const rec = (key: string, score: number, lintedAt: number, role: string | null, failed: string[] = []): LintRecord => ({ key, score, lintedAt, role, failedRules: failed as LintRecord['failedRules'] });
const fact = (key: string, extra: Partial<TicketFacts> = {}): TicketFacts => ({ key, status: 'To Do', owner: null, benefit: null, cost: null, passing: false, done: false, ...extra });
const generic = (role: string) => ['user', 'customer'].includes(role);

/** Every part of the digest filled: a trend, personas (one with markup), each ranking, an owner to mention. */
const digest = buildDigest({
  end: END,
  periodMs: WEEK,
  history: [
    rec('SHOP-1', 40, at(2), 'user', ['customer-value', 'customer-metric', 'specific-persona']),
    rec('SHOP-2', 60, at(2), 'night nurse', ['customer-metric']),
    rec('SHOP-1', 85, at(1), 'returning shopper', ['visual-evidence']),
    rec('SHOP-3', 30, at(1, 2), 'user', ['customer-value', 'customer-metric', 'specific-persona', 'acceptance-criteria']),
    rec('SHOP-4', 100, at(1, 3), 'returning shopper', []),
    rec('SHOP-9', 70, at(1, 4), 'buyer <b2b> & co', ['visual-evidence']),
  ],
  facts: [
    fact('SHOP-1', { passing: true, benefit: 8, cost: 2 }),
    fact('SHOP-3', { status: 'Ready for Development', owner: 'U1', benefit: 8, cost: 2 }),
    fact('SHOP-4', { passing: true, benefit: 3, cost: null }),
    fact('SHOP-6', { benefit: 9, cost: 3 }),
  ],
  isGenericRole: generic,
  readyStatuses: ['Ready for Development'],
});

async function posted(post: Parameters<ReturnType<typeof channelPoster>['postDigest']>[1]) {
  const slack = recordingClient();
  await channelPoster(slackChat(slack.client), (k) => `https://acme.atlassian.net/browse/${k}`).postDigest('C1', post);
  expect(slack.calls.map((c) => c.method)).toEqual(['chat.postMessage']);
  return slack.calls[0]!.args;
}

describe('the digest message, whole', () => {
  it('is exactly this body: header, late note, headline, questions, personas, rankings (an extra block or a lost field fails)', async () => {
    await expect(snapshotOf(await posted({ title: 'SHOP', digest, late: true }))).toMatchFileSnapshot('__snapshots__/digest.json');
  });

  it('is exactly this body when no ticket changed in the period', async () => {
    const empty = buildDigest({ end: END, periodMs: WEEK, history: [], facts: [], isGenericRole: generic, readyStatuses: [] });
    await expect(snapshotOf(await posted({ title: '"project = SHOP AND labels = web"', digest: empty, late: false }))).toMatchFileSnapshot('__snapshots__/digest-empty.json');
  });
});

describe('hostile text in a digest', () => {
  const hostileJql = 'project = X AND summary ~ "<!channel> <https://evil|click>"';
  const hostile = buildDigest({
    end: END,
    periodMs: WEEK,
    history: [rec('SHOP-1', 40, at(1), '<!here> & <@U999|boss>', ['customer-metric'])],
    // A stored owner that is not a Slack user id is never turned into a mention.
    facts: [fact('SHOP-1', { status: 'Ready for Development', owner: '!channel' })],
    isGenericRole: generic,
    readyStatuses: ['Ready for Development'],
  });

  it('escapes the JQL and personas in every block and in the fallback text, and mentions nobody', async () => {
    const body = await posted({ title: `"${hostileJql}"`, digest: hostile, late: false, truncatedAt: 5_000 });
    const escapedTitle = '"project = X AND summary ~ "&lt;!channel&gt; &lt;https://evil|click&gt;""';
    const note = 'Based on the first 5,000 issues of this scope only (the most one digest reads): narrow the scope for a complete digest.';
    const questions = ['Who is it for? (a specific persona): 100%', 'What do they want? (a story): 100%', 'Why? (a benefit): 100%', 'How will we know? (a metric with a target): 0%', 'What will they see? (visuals): 100%', 'When is it done? (acceptance criteria): 100%'];
    const personas = '&lt;!here&gt; &amp; &lt;@U999|boss&gt; (1); 0% with a generic role';
    expect(body).toEqual({
      channel: 'C1',
      text: [`Customer-centricity of ${escapedTitle}: 40/100 over 1 ticket`, note, ...questions, `Who we built for: ${personas}`, 'Needs attention (ready for development): 1'].join('\n'),
      blocks: [
        // A header is plain text: Slack reads no markup in it.
        { type: 'header', text: { type: 'plain_text', text: `Weekly digest: "${hostileJql}"` } },
        { type: 'section', text: { type: 'mrkdwn', text: `*Customer-centricity of ${escapedTitle}: 40/100 over 1 ticket*` } },
        { type: 'context', elements: [{ type: 'mrkdwn', text: `:warning: ${note}` }] },
        { type: 'section', text: { type: 'mrkdwn', text: questions.map((q) => `• ${q}`).join('\n') } },
        { type: 'section', text: { type: 'mrkdwn', text: `*Who we built for:* ${personas}` } },
        { type: 'section', text: { type: 'mrkdwn', text: '*Needs attention (ready for development)*\n• <https://acme.atlassian.net/browse/SHOP-1|SHOP-1>: 40/100' } },
      ],
      unfurl_links: false,
    });
  });

  it('shortens a long JQL before escaping it, so no escape is cut in half', async () => {
    const body = await posted({ title: `${'a'.repeat(198)}&<>${'b'.repeat(5_000)}`, digest: hostile, late: false });
    expect(String(body.text).split('\n')[0]).toBe(`Customer-centricity of ${'a'.repeat(198)}&amp;…: 40/100 over 1 ticket`);
    expect((body.blocks as Array<{ text?: { text: string } }>)[0]!.text!.text).toBe(`Weekly digest: ${'a'.repeat(134)}…`);
  });

  it('tells the subscriber about a hostile JQL without a mention or a link', async () => {
    const slack = recordingClient();
    await channelPoster(slackChat(slack.client), (k) => k).notifySubscriber('U1', { scope: hostileJql, channel: 'C1', status: 'undeliverable', reason: 'jira_http_400' });
    expect(slack.calls[0]!.args.text).toBe(
      'I could not post the weekly digest of project = X AND summary ~ "&lt;!channel&gt; &lt;https://evil|click&gt;" to <#C1>: Jira refused its search (HTTP 400); check that the project or JQL still exists and that I may browse it. I will try again next week.',
    );
  });
});
