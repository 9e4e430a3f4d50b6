import { describe, expect, it } from 'vitest';
import { claimDigestRun, finishDigestRun, releaseDigestRun, type RunClaim } from '../../src/store/digest-runs.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

const PERIOD = '2026-11-23T08:00:00.000Z';
const claim = (workerId: string, now: number): RunClaim => ({ subscriptionId: 1, period: PERIOD, workerId, now, staleBefore: now - 600_000 });

describe.each(BACKENDS)('digest runs on $name', (backend) => {
  const store = storePerTest(backend);
  const runs = () => store().db.selectFrom('digest_runs').select(['subscription_id', 'period', 'status', 'claimed_by', 'posted_at', 'late']).execute();

  it('one of two replicas claims a run; the other gets it only once the claim is stale', async () => {
    const both = await Promise.all([claimDigestRun(store(), claim('a', 1_000)), claimDigestRun(store(), claim('b', 1_000))]);
    expect(both.sort()).toEqual([false, true]);
    expect(await claimDigestRun(store(), claim('c', 1_000 + 600_000))).toBe(false);
    expect(await claimDigestRun(store(), claim('c', 1_000 + 600_001))).toBe(true);
    expect((await runs()).map((r) => r.claimed_by)).toEqual(['c']);
  });

  it('a finished run is never claimed again; a released one is', async () => {
    await claimDigestRun(store(), claim('a', 0));
    await finishDigestRun(store(), 1, PERIOD, { status: 'posted', at: 5_000, late: true });
    expect(await runs()).toEqual([{ subscription_id: 1, period: PERIOD, status: 'posted', claimed_by: 'a', posted_at: 5_000, late: 1 }]);
    expect(await claimDigestRun(store(), claim('b', 10_000_000))).toBe(false);
    await claimDigestRun(store(), { ...claim('a', 0), subscriptionId: 2 });
    await releaseDigestRun(store(), 2, PERIOD);
    expect(await claimDigestRun(store(), { ...claim('b', 1), subscriptionId: 2 })).toBe(true);
  });
});
