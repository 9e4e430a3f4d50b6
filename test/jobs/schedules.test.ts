import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/core/default-config.js';
import { startSchedules } from '../../src/jobs/schedules.js';
import type { Store } from '../../src/store/database.js';
import { capturedLogger } from '../helpers/quiet.js';

afterEach(() => vi.useRealTimers());

describe('the schedules', () => {
  it('runs the nudge and digest jobs every minute on node-cron, and a failing run is logged and retried', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-23T08:00:30Z') });
    const log = capturedLogger();
    let digests = 0;
    let nudges = 0;
    const tasks = startSchedules({} as Store, DEFAULT_CONFIG, log.logger, Date.now, {
      nudges: async () => void nudges++,
      digests: async () => {
        digests++;
        if (digests === 1) throw new Error('database is locked');
      },
    });
    expect(tasks.map((t) => t.name)).toEqual(['retention', 'nudges', 'digests']);
    await vi.advanceTimersByTimeAsync(2 * 60_000);
    expect(digests).toBe(2);
    expect(nudges).toBe(2);
    const warning = log.lines().map((l) => JSON.parse(l)).find((l) => l.msg === 'digest run failed; the next minute retries');
    expect(warning).toMatchObject({ level: 40, err: { type: 'Error', message: 'database is locked' } });
    for (const task of tasks) await task.stop();
  });
});
