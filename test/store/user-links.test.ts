import { describe, expect, it } from 'vitest';
import { deleteExpiredLinkCodes, deleteLinkCode, linkCodeOf, saveLinkCode } from '../../src/store/link-codes.js';
import { digestMentions, linkedAccount, removeLink, saveLink, slackUsersOf } from '../../src/store/user-links.js';
import { saveUserSettings } from '../../src/store/user-settings.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

describe.each(BACKENDS)('Slack ↔ Jira links on $name', (backend) => {
  const store = storePerTest(backend);
  const link = (user: string, account: string, by: 'email' | 'code' | 'admin' = 'email', shared = false, at = 0) =>
    saveLink(store(), { slackUserId: user, jiraAccountId: account, by, shared }, at);
  const rows = () => store().db.selectFrom('user_links').selectAll().orderBy('slack_user_id').execute();

  it('keeps one link per Slack user, the latest', async () => {
    expect(await linkedAccount(store(), 'U1')).toBeNull();
    await link('U1', 'acc-old', 'email', false, 1_000);
    await link('U1', 'acc-priya', 'code', false, 2_000);
    expect(await linkedAccount(store(), 'U1')).toBe('acc-priya');
    expect(await rows()).toEqual([{ slack_user_id: 'U1', jira_account_id: 'acc-priya', linked_by: 'code', linked_at: 2_000, shared: 0 }]);
  });

  it('one Jira account belongs to one Slack user: a new proven link takes it over and names who lost it', async () => {
    await link('U1', 'acc-priya');
    expect(await link('U2', 'acc-priya', 'code')).toEqual({ replaced: ['U1'] });
    expect(await rows()).toEqual([{ slack_user_id: 'U2', jira_account_id: 'acc-priya', linked_by: 'code', linked_at: 0, shared: 0 }]);
    // Linking again to the account one already has replaces nobody.
    expect(await link('U2', 'acc-priya', 'email')).toEqual({ replaced: [] });
  });

  it('an admin may share an account between Slack users; a later unshared link takes it back for one', async () => {
    await link('U1', 'acc-team');
    expect(await link('U2', 'acc-team', 'admin', true)).toEqual({ replaced: [] });
    expect((await rows()).map((r) => [r.slack_user_id, r.shared])).toEqual([['U1', 1], ['U2', 1]]);
    expect(await link('U3', 'acc-team', 'code')).toEqual({ replaced: ['U1', 'U2'] });
  });

  it('unlinks, saying which account it was', async () => {
    await link('U1', 'acc-priya');
    expect(await removeLink(store(), 'U1')).toBe('acc-priya');
    expect(await removeLink(store(), 'U1')).toBeNull();
    expect(await rows()).toEqual([]);
  });

  it('finds the Slack users of Jira accounts, each once, for any number of accounts', async () => {
    await link('U1', 'acc-priya');
    await link('U2', 'acc-marek');
    await link('U3', 'acc-team', 'admin', true);
    await link('U4', 'acc-team', 'admin', true);
    const many = Array.from({ length: 40_000 }, (_, i) => `acc-${i}`);
    expect((await slackUsersOf(store(), [...many, 'acc-priya', 'acc-priya', 'acc-team', 'acc-nobody'])).sort()).toEqual(['U1', 'U3', 'U4']);
    expect(await slackUsersOf(store(), [])).toEqual([]);
  });

  it('names in digests only the people who opted in', async () => {
    await link('U1', 'acc-priya');
    await link('U2', 'acc-marek');
    await saveUserSettings(store(), 'U1', { digestMention: true });
    await saveUserSettings(store(), 'U2', { mutedUntil: 5 });
    expect(await digestMentions(store())).toEqual(new Map([['acc-priya', 'U1']]));
  });

  it('keeps one pending link code per person, by hash only', async () => {
    await saveLinkCode(store(), 'U1', { codeHash: 'h1', ticketKey: 'SHOP-1', expiresAt: 900_000 }, 0);
    await saveLinkCode(store(), 'U1', { codeHash: 'h2', ticketKey: 'SHOP-2', expiresAt: 1_900_000 }, 1_000_000);
    expect(await linkCodeOf(store(), 'U1')).toEqual({ codeHash: 'h2', ticketKey: 'SHOP-2', expiresAt: 1_900_000 });
    await deleteLinkCode(store(), 'U1');
    expect(await linkCodeOf(store(), 'U1')).toBeNull();
  });

  it('forgets codes nobody used before they expired', async () => {
    await saveLinkCode(store(), 'U1', { codeHash: 'h1', ticketKey: 'SHOP-1', expiresAt: 1_000 }, 0);
    await saveLinkCode(store(), 'U2', { codeHash: 'h2', ticketKey: 'SHOP-2', expiresAt: 5_000 }, 0);
    expect(await deleteExpiredLinkCodes(store(), 1_000)).toBe(1);
    expect(await linkCodeOf(store(), 'U1')).toBeNull();
    expect(await linkCodeOf(store(), 'U2')).not.toBeNull();
  });
});
