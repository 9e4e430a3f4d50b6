import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkIssue, jiraIssueSchema, plainlyValid } from '../../src/jira/issue-schema.js';

// Values of every kind a field may wrongly hold, and the right ones.
const scalar = fc.oneof(fc.string({ maxLength: 4 }), fc.constant(null), fc.constant(undefined), fc.integer(), fc.boolean());
const named = fc.oneof(scalar, fc.record({ name: scalar }, { requiredKeys: [] }), fc.array(scalar, { maxLength: 2 }));
const user = fc.oneof(scalar, fc.record({ accountId: scalar, displayName: scalar, emailAddress: scalar }, { requiredKeys: [] }));
const fields = fc.record(
  {
    summary: scalar,
    description: fc.oneof(scalar, fc.record({ type: scalar, content: fc.constant([]) }, { requiredKeys: [] })),
    issuetype: named,
    status: named,
    project: fc.oneof(scalar, fc.record({ key: scalar }, { requiredKeys: [] })),
    attachment: fc.oneof(scalar, fc.array(fc.oneof(scalar, fc.record({ filename: scalar, mimeType: scalar }, { requiredKeys: [] })), { maxLength: 2 })),
    labels: fc.oneof(scalar, fc.array(scalar, { maxLength: 2 })),
    components: fc.oneof(scalar, fc.array(named, { maxLength: 2 })),
    reporter: user,
    assignee: user,
  },
  { requiredKeys: [] },
);
const issue = fc.record({ key: fc.oneof(fc.constantFrom('SHOP-1', 'shop_2-10', 'SHOP', '1-1', 'SHOP-1x'), scalar), fields: fc.oneof(fields, scalar) });

describe('the hand-written issue check', () => {
  it('never accepts what the zod schema refuses', () => {
    fc.assert(
      fc.property(issue, (value) => {
        if (plainlyValid(value)) expect(jiraIssueSchema().safeParse(value).success).toBe(true);
      }),
      { numRuns: 3000, seed: 20261130 },
    );
  });

  it('accepts a well-formed issue as it is, without a copy', () => {
    const value = { key: 'SHOP-1', fields: { summary: 'Save my basket', description: { type: 'doc', version: 1, content: [] }, issuetype: { name: 'Story' }, labels: ['ux'], components: [{ name: 'Web' }], reporter: { accountId: 'a1' }, custom: 3 } };
    const check = checkIssue(value);
    expect(check).toEqual({ ok: true, issue: value });
    expect(check.ok && check.issue).toBe(value);
  });

  it('leaves the wording of a problem to zod', () => {
    expect(checkIssue({ key: 'SHOP-1', fields: { summary: 5 } })).toEqual({ ok: false, problem: 'fields.summary: Invalid input: expected string, received number' });
    expect(checkIssue({ key: 'SHOP', fields: {} })).toEqual({ ok: false, problem: 'key: expected an issue key such as SHOP-1' });
  });
});
