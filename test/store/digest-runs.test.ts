import { describe, expect, it } from 'vitest';
import { abandonDigestRun, claimDigestRun, failDigestRun, failedDigestRuns, finishDigestRun, type RunClaim } from '../../src/store/digest-runs.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

const PERIOD = '2026-11-23T08:00:00.000Z';
const NEXT = '2026-11-30T08:00:00.000Z';
const claim = (workerId: string, now: number): RunClaim => ({ subscriptionId: 1, period: PERIOD, workerId, now, staleBefore: now - 600_000 });

describe.each(BACKENDS)('digest runs on $name', (backend) => {
  const store = storePerTest(backend);
  const runs = () => store().db.selectFrom('digest_runs').select(['subscription_id', 'period', 'status', 'claimed_by', 'posted_at', 'late', 'attempts', 'retry_at']).orderBy('subscription_id').orderBy('period').execute();

  it('one of two replicas claims a run; the other gets it only once the claim is stale', async () => {
    const both = await Promise.all([claimDigestRun(store(), claim('a', 1_000)), claimDigestRun(store(), claim('b', 1_000))]);
    expect(both.sort()).toEqual([false, true]);
    expect(await claimDigestRun(store(), claim('c', 1_000 + 600_000))).toBe(false);
    expect(await claimDigestRun(store(), claim('c', 1_000 + 600_001))).toBe(true);
    expect((await runs()).map((r) => r.claimed_by)).toEqual(['c']);
  });

  it('a finished run is never claimed again', async () => {
    await claimDigestRun(store(), claim('a', 0));
    await finishDigestRun(store(), 1, PERIOD, { status: 'posted', at: 5_000, late: true });
    expect(await runs()).toEqual([{ subscription_id: 1, period: PERIOD, status: 'posted', claimed_by: 'a', posted_at: 5_000, late: 1, attempts: 0, retry_at: null }]);
    expect(await claimDigestRun(store(), claim('b', 10_000_000))).toBe(false);
  });

  it('a failed run stays failed, claimable by one replica only once its retry time has come, and counts its attempts', async () => {
    await claimDigestRun(store(), claim('a', 0));
    expect(await failDigestRun(store(), 1, PERIOD, (attempts) => 60_000 * attempts)).toEqual({ attempts: 1, retryAt: 60_000 });
    expect(await runs()).toEqual([{ subscription_id: 1, period: PERIOD, status: 'failed', claimed_by: 'a', posted_at: null, late: 0, attempts: 1, retry_at: 60_000 }]);
    expect(await claimDigestRun(store(), claim('b', 59_999))).toBe(false);
    const both = await Promise.all([claimDigestRun(store(), claim('b', 60_000)), claimDigestRun(store(), claim('c', 60_000))]);
    expect(both.sort()).toEqual([false, true]);
    expect((await runs())[0]).toMatchObject({ status: 'claimed', attempts: 1, retry_at: 60_000 });
    expect(await failDigestRun(store(), 1, PERIOD, (attempts) => 60_000 + 120_000 * attempts)).toEqual({ attempts: 2, retryAt: 300_000 });
    expect(await claimDigestRun(store(), claim('b', 299_999))).toBe(false);
    expect(await claimDigestRun(store(), claim('b', 300_000))).toBe(true);
    await finishDigestRun(store(), 1, PERIOD, { status: 'posted', at: 300_001, late: true });
    expect(await runs()).toEqual([{ subscription_id: 1, period: PERIOD, status: 'posted', claimed_by: 'b', posted_at: 300_001, late: 1, attempts: 2, retry_at: null }]);
  });

  it('a failed run is given up by one replica, and never claimed again', async () => {
    await claimDigestRun(store(), claim('a', 0));
    await failDigestRun(store(), 1, PERIOD, () => 60_000);
    await claimDigestRun(store(), { ...claim('a', 0), subscriptionId: 2 });
    expect(await failedDigestRuns(store())).toEqual([{ subscriptionId: 1, period: PERIOD, attempts: 1 }]);
    const both = await Promise.all([abandonDigestRun(store(), 1, PERIOD, 7_000), abandonDigestRun(store(), 1, PERIOD, 7_000)]);
    expect(both.sort()).toEqual([false, true]);
    // Only failed runs are given up: not a run being tried (claimed) right now.
    expect(await abandonDigestRun(store(), 2, PERIOD, 7_000)).toBe(false);
    expect(await failedDigestRuns(store())).toEqual([]);
    expect(await claimDigestRun(store(), claim('b', 10_000_000))).toBe(false);
    expect(await claimDigestRun(store(), { ...claim('b', 10_000_000), period: NEXT })).toBe(true);
    expect((await runs()).map((r) => [r.subscription_id, r.period, r.status, r.posted_at, r.retry_at])).toEqual([
      [1, PERIOD, 'abandoned', 7_000, null],
      [1, NEXT, 'claimed', null, null],
      [2, PERIOD, 'claimed', null, null],
    ]);
  });
});
