import { z } from 'zod';
import type { JiraIssue } from '../core/ticket/normalise.js';

/** What a wrong value is, in a message: "a number", "an array", "null". */
const kindOf = (value: unknown): string => {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'type' in value ? 'an object whose "type" is no string' : 'an object without "type"';
  return `a ${typeof value}`;
};

let schema: ReturnType<typeof makeIssueSchema> | undefined;

function makeIssueSchema() {
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
  return z.looseObject({
    key: z.string().regex(/^[A-Za-z][A-Za-z0-9_]*-\d+$/, 'expected an issue key such as SHOP-1'),
    fields: z.looseObject({
      summary: z.string().nullish(),
      description: z
        .union([z.string(), z.looseObject({ type: z.string() }), z.null()], { error: (issue) => `must be an ADF document (an object with "type"), a string or null; got ${kindOf(issue.input)}` })
        .optional(),
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
}

/**
 * A Jira issue as REST v2/v3 and webhooks send it; only the fields Centric reads are checked. Made
 * on first use: plainlyValid() accepts almost every issue without it, and `centric lint` starts sooner.
 */
export const jiraIssueSchema = (): ReturnType<typeof makeIssueSchema> => (schema ??= makeIssueSchema());

export type IssueCheck = { ok: true; issue: JiraIssue } | { ok: false; problem: string };

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const optionalString = (v: unknown): boolean => v === undefined || v === null || typeof v === 'string';
const optionalObject = (v: unknown, fields: string[]): boolean => v === undefined || v === null || (isObject(v) && fields.every((f) => optionalString(v[f])));
const optionalArray = (v: unknown, item: (x: unknown) => boolean): boolean => v === undefined || v === null || (Array.isArray(v) && v.every(item));
const KEY = /^[A-Za-z][A-Za-z0-9_]*-\d+$/;
const USER_FIELDS = ['accountId', 'name', 'key', 'displayName', 'emailAddress'];

/**
 * The same shape as jiraIssueSchema, checked by hand: a CLI run over 10,000 issues pays for
 * neither zod's walk nor the copy it returns. It may refuse what zod accepts (zod then decides and
 * words the problem); it never accepts what zod refuses.
 */
export function plainlyValid(value: Loose): boolean {
  const fields = value.fields;
  if (typeof value.key !== 'string' || !KEY.test(value.key) || !isObject(fields)) return false;
  const description = fields.description;
  return (
    optionalString(fields.summary) &&
    (description === undefined || description === null || typeof description === 'string' || (isObject(description) && typeof description.type === 'string')) &&
    optionalObject(fields.issuetype, ['name']) &&
    optionalObject(fields.status, ['name']) &&
    optionalObject(fields.project, ['key']) &&
    optionalArray(fields.attachment, (a) => isObject(a) && optionalString(a.filename) && optionalString(a.mimeType)) &&
    optionalArray(fields.labels, (l) => typeof l === 'string') &&
    optionalArray(fields.components, (c) => optionalObject(c, ['name']) && c !== undefined) &&
    optionalObject(fields.reporter, USER_FIELDS) &&
    optionalObject(fields.assignee, USER_FIELDS)
  );
}

/** Checks one value against the issue shape; the problem names the first wrong field. */
export function checkIssue(value: unknown): IssueCheck {
  if (typeof value !== 'object' || value === null || !('fields' in value) || !('key' in value)) {
    return { ok: false, problem: 'not a Jira issue: expected an object with "key" and "fields", as GET /rest/api/3/issue/{key} returns' };
  }
  if (plainlyValid(value as Loose)) return { ok: true, issue: value as JiraIssue };
  const result = jiraIssueSchema().safeParse(value);
  if (result.success) return { ok: true, issue: result.data as JiraIssue };
  const issue = result.error.issues[0]!;
  return { ok: false, problem: `${issue.path.join('.')}: ${issue.message}` };
}
