import { describe, expect, it } from 'vitest';
import { digestMentions, linkedAccount, saveLink, slackUsersOf } from '../../src/store/user-links.js';
import { saveUserSettings } from '../../src/store/user-settings.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

describe.each(BACKENDS)('Slack ↔ Jira links on $name', (backend) => {
  const store = storePerTest(backend);

  it('keeps one link per Slack user, the latest', async () => {
    expect(await linkedAccount(store(), 'U1')).toBeNull();
    await saveLink(store(), 'U1', 'acc-old', 'email', 1_000);
    await saveLink(store(), 'U1', 'acc-priya', 'manual', 2_000);
    expect(await linkedAccount(store(), 'U1')).toBe('acc-priya');
    expect(await store().db.selectFrom('user_links').selectAll().execute()).toEqual([{ slack_user_id: 'U1', jira_account_id: 'acc-priya', linked_by: 'manual', linked_at: 2_000 }]);
  });

  it('finds the Slack users of Jira accounts, each once', async () => {
    await saveLink(store(), 'U1', 'acc-priya', 'email', 0);
    await saveLink(store(), 'U2', 'acc-marek', 'email', 0);
    await saveLink(store(), 'U3', 'acc-priya', 'manual', 0);
    expect((await slackUsersOf(store(), ['acc-priya', 'acc-priya', 'acc-nobody'])).sort()).toEqual(['U1', 'U3']);
    expect(await slackUsersOf(store(), [])).toEqual([]);
  });

  it('names in digests only the people who opted in', async () => {
    await saveLink(store(), 'U1', 'acc-priya', 'email', 0);
    await saveLink(store(), 'U2', 'acc-marek', 'email', 0);
    await saveUserSettings(store(), 'U1', { digestMention: true });
    await saveUserSettings(store(), 'U2', { mutedUntil: 5 });
    expect(await digestMentions(store())).toEqual(new Map([['acc-priya', 'U1']]));
  });
});
