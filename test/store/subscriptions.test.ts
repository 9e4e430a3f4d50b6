import { describe, expect, it } from 'vitest';
import { allSubscriptions, removeSubscriptions, saveSubscription, subscriptionsOf, type NewSubscription } from '../../src/store/subscriptions.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

const sub = (channelId: string, value: string, weekday = 1, type = 'project'): NewSubscription => ({ channelId, scope: { type, value }, weekday, time: '09:00', timezone: 'Europe/Berlin', createdBy: 'U1' });

describe.each(BACKENDS)('digest subscriptions on $name', (backend) => {
  const store = storePerTest(backend);

  it('subscribes a channel to a scope once; subscribing again reschedules it', async () => {
    expect(await saveSubscription(store(), sub('C1', 'SHOP', 5), 1_000)).toBe('added');
    expect(await saveSubscription(store(), sub('C1', 'SHOP', 1), 2_000)).toBe('updated');
    expect(await saveSubscription(store(), sub('C1', 'project = OPS', 1, 'jql'), 3_000)).toBe('added');
    expect(await saveSubscription(store(), sub('C2', 'SHOP'), 4_000)).toBe('added');
    const c1 = await subscriptionsOf(store(), 'C1');
    expect(c1.map((s) => [s.scope_type, s.scope, s.weekday, s.created_at])).toEqual([
      ['project', 'SHOP', 1, 1_000],
      ['jql', 'project = OPS', 1, 3_000],
    ]);
    expect((await allSubscriptions(store())).map((s) => s.channel_id)).toEqual(['C1', 'C1', 'C2']);
  });

  it("removes one scope's subscription, or every one of a channel", async () => {
    await saveSubscription(store(), sub('C1', 'SHOP'), 0);
    await saveSubscription(store(), sub('C1', 'OPS'), 0);
    await saveSubscription(store(), sub('C1', 'WEB'), 0);
    await saveSubscription(store(), sub('C2', 'SHOP'), 0);
    expect(await removeSubscriptions(store(), 'C1', { type: 'project', value: 'NONE' })).toBe(0);
    expect(await removeSubscriptions(store(), 'C1', { type: 'project', value: 'SHOP' })).toBe(1);
    expect(await removeSubscriptions(store(), 'C1')).toBe(2);
    expect((await allSubscriptions(store())).map((s) => `${s.channel_id}:${s.scope}`)).toEqual(['C2:SHOP']);
  });
});
