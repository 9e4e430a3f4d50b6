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
