import { describe, expect, it } from 'vitest';
import { slackUsers } from '../../src/slack/users.js';

/** users.info and auth.test as Slack answers them, for a workspace T1 of organisation E1. */
function client(users: Record<string, Record<string, unknown>>) {
  const calls: string[] = [];
  return {
    calls,
    client: {
      auth: { test: async () => (calls.push('auth.test'), { ok: true, team_id: 'T1', enterprise_id: 'E1' }) },
      users: { info: async ({ user }: { user: string }) => (calls.push(`users.info ${user}`), { ok: true, user: { id: user, tz: 'UTC', ...users[user] } }) },
      conversations: { members: async () => ({ ok: true, members: [] }) },
      chat: { postMessage: async () => ({ ok: true }) },
    } as never,
  };
}

const confirmed = { is_email_confirmed: true, profile: { email: 'ana@acme.io' } };

describe('what Centric believes of a Slack user', () => {
  it('an e-mail proves something only when Slack says it is confirmed, for a member of this workspace or organisation', async () => {
    const { client: c } = client({
      U1: { team_id: 'T1', ...confirmed },
      U2: { team_id: 'T1', is_email_confirmed: false, profile: { email: 'ana@acme.io' } },
      U3: { team_id: 'T9', enterprise_user: { enterprise_id: 'E1' }, ...confirmed },
      // Another organisation's member in a Slack Connect channel: their e-mail is theirs to set.
      U4: { team_id: 'TX', is_stranger: true, ...confirmed },
      U5: { team_id: 'TX', ...confirmed },
    });
    const users = slackUsers(c);
    expect(await Promise.all(['U1', 'U2', 'U3', 'U4', 'U5'].map((u) => users.email(u)))).toEqual(['ana@acme.io', null, 'ana@acme.io', null, null]);
  });

  it('workspace admins and owners are admins here; another organisation\'s admins are not', async () => {
    const { client: c, calls } = client({
      U1: { team_id: 'T1', is_admin: true },
      U2: { team_id: 'T1', is_owner: true },
      U3: { team_id: 'T1' },
      U4: { team_id: 'TX', is_admin: true, is_owner: true },
    });
    const users = slackUsers(c);
    expect(await Promise.all(['U1', 'U2', 'U3', 'U4'].map((u) => users.isWorkspaceAdmin(u)))).toEqual([true, true, false, false]);
    expect(calls.filter((x) => x === 'auth.test')).toHaveLength(1);
  });
});
