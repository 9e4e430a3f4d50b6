import { z } from 'zod';
import type { JiraIssue } from '../core/ticket/normalise.js';

const named = z.looseObject({ name: z.string().nullish() }).nullish();
const user = z
  .looseObject({
    accountId: z.string().nullish(),
    name: z.string().nullish(),
    key: z.string().nullish(),
    displayName: z.string().nullish(),
    emailAddress: z.string().nullish(),
  })
  .nullish();

/** A Jira issue as REST v2/v3 and webhooks send it; only the fields Centric reads are checked. */
export const jiraIssueSchema = z.looseObject({
  key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$/, 'expected an issue key such as SHOP-1'),
  fields: z.looseObject({
    summary: z.string().nullish(),
    description: z.union([z.string(), z.looseObject({ type: z.string() }), z.null()]).optional(),
    issuetype: named,
    status: named,
    project: z.looseObject({ key: z.string().nullish() }).nullish(),
    attachment: z.array(z.looseObject({ filename: z.string().nullish(), mimeType: z.string().nullish() })).nullish(),
    labels: z.array(z.string()).nullish(),
    components: z.array(named).nullish(),
    reporter: user,
    assignee: user,
  }),
});

export type IssueCheck = { ok: true; issue: JiraIssue } | { ok: false; problem: string };

/** Checks one value against the issue shape; the problem names the first wrong field. */
export function checkIssue(value: unknown): IssueCheck {
  if (typeof value !== 'object' || value === null || !('fields' in value) || !('key' in value)) {
    return { ok: false, problem: 'not a Jira issue: expected an object with "key" and "fields", as GET /rest/api/3/issue/{key} returns' };
  }
  const result = jiraIssueSchema.safeParse(value);
  if (result.success) return { ok: true, issue: result.data as JiraIssue };
  const issue = result.error.issues[0]!;
  return { ok: false, problem: `${issue.path.join('.')}: ${issue.message}` };
}
