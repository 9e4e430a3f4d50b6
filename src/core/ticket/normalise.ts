import type { Attachment, LinkedIssue, Person, TextBlock, Ticket } from '../types.js';
import { readAdf, type RichText } from './adf.js';
import { projectOf } from './project-of.js';
import { readWiki } from './wiki.js';

/** A Jira issue as the REST API (v2 or v3) or a webhook returns it; only what Centric reads. */
export interface JiraIssue {
  key: string;
  fields: {
    summary?: string | null;
    description?: unknown;
    issuetype?: { name?: string | null } | null;
    status?: { name?: string | null; statusCategory?: { key?: string | null } | null } | null;
    project?: { key?: string | null } | null;
    attachment?: Array<{ filename?: string | null; mimeType?: string | null }> | null;
    labels?: string[] | null;
    components?: Array<{ name?: string | null } | null> | null;
    reporter?: JiraUser | null;
    assignee?: JiraUser | null;
    issuelinks?: JiraIssueLink[] | null;
    /** Jira Cloud: the issue above (a story's epic), with its type among its fields. */
    parent?: LinkedJiraIssue | null;
    [field: string]: unknown;
  };
}

/** One of an issue's links: the other issue is inward or outward, with its type among its fields. */
export interface JiraIssueLink {
  inwardIssue?: LinkedJiraIssue | null;
  outwardIssue?: LinkedJiraIssue | null;
}

interface LinkedJiraIssue {
  key?: string | null;
  fields?: { issuetype?: { name?: string | null } | null } | null;
}

export interface JiraUser {
  accountId?: string | null;
  name?: string | null;
  key?: string | null;
  displayName?: string | null;
  emailAddress?: string | null;
}

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"'|\]\)]+[^\s<>"'|\]\).,;:!?]/gi;

const IMAGE_EXT: Record<string, string> = {
  png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml',
  webp: 'image/webp', bmp: 'image/bmp', heic: 'image/heic', avif: 'image/avif',
};

/** A description may be ADF (Cloud v3), wiki markup (Data Center, webhooks), plain text or null. */
export function readRichText(value: unknown): RichText {
  if (typeof value === 'string') return readWiki(value);
  if (value && typeof value === 'object') return readAdf(value);
  return EMPTY;
}

function person(user: JiraUser | null | undefined): Person | null {
  if (!user) return null;
  return {
    accountId: user.accountId ?? user.name ?? user.key ?? null,
    displayName: user.displayName ?? null,
    email: user.emailAddress ?? null,
  };
}

function attachment(a: { filename?: string | null; mimeType?: string | null }): Attachment {
  const filename = a.filename ?? '';
  const ext = filename.split('.').pop()?.toLowerCase() ?? '';
  return { filename, mimeType: a.mimeType || IMAGE_EXT[ext] || 'application/octet-stream' };
}

function linkedIssues(links: JiraIssueLink[] | null | undefined): LinkedIssue[] {
  const out: LinkedIssue[] = [];
  for (const link of links ?? []) {
    const other = link?.inwardIssue ?? link?.outwardIssue;
    if (other?.key) out.push({ key: other.key, issueType: other.fields?.issuetype?.name ?? '' });
  }
  return out;
}

const unique = (items: string[]): string[] => (items.length < 2 ? items : [...new Set(items)]);
const EMPTY: RichText = { blocks: [], links: [], images: [], truncated: false };

/** Bare URLs in prose: wiki markup and plain text often carry no link markup at all. */
function bareLinks(blocks: TextBlock[], into: string[]): void {
  for (const block of blocks) {
    if (block.kind !== 'code' && block.text.includes('http')) into.push(...(block.text.match(URL_IN_TEXT) ?? []));
  }
}

/** Turns a Jira issue into the Ticket the rules read. */
export function normalise(issue: JiraIssue, acceptanceCriteriaField: string | null = null): Ticket {
  const f = issue.fields;
  const description = readRichText(f.description);
  const criteria = acceptanceCriteriaField ? readRichText(f[acceptanceCriteriaField]) : EMPTY;
  const links = criteria === EMPTY ? [...description.links] : [...description.links, ...criteria.links];
  bareLinks(description.blocks, links);
  bareLinks(criteria.blocks, links);
  return {
    key: issue.key,
    project: f.project?.key ?? projectOf(issue.key),
    summary: (f.summary ?? '').trim(),
    issueType: f.issuetype?.name ?? '',
    status: f.status?.name ?? null,
    description: description.blocks,
    acceptanceCriteria: criteria.blocks,
    links: unique(links),
    images: unique(criteria === EMPTY ? description.images : [...description.images, ...criteria.images]),
    attachments: (f.attachment ?? []).map(attachment),
    linkedIssues: linkedIssues(f.issuelinks),
    labels: f.labels ?? [],
    // Jira sends no null component, but a hand-written export may: it names none.
    components: (f.components ?? []).map((c) => c?.name ?? '').filter(Boolean),
    parent: f.parent?.key ? { key: f.parent.key, issueType: f.parent.fields?.issuetype?.name ?? '' } : null,
    reporter: person(f.reporter),
    assignee: person(f.assignee),
    truncated: description.truncated || criteria.truncated,
  };
}

/** A number from a numeric custom field: a number, a numeric string, or a select option whose value is one. */
export function readNumber(value: unknown): number | null {
  if (value && typeof value === 'object' && 'value' in value) return readNumber((value as { value: unknown }).value);
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : Number.NaN;
  return Number.isFinite(n) ? n : null;
}

/** What the digest ranks a story by: benefit and cost from the configured fields, and whether it is done. */
export function planningFacts(issue: JiraIssue, fields: { benefitField: string | null; costField: string | null }): { benefit: number | null; cost: number | null; done: boolean } {
  return {
    benefit: fields.benefitField ? readNumber(issue.fields[fields.benefitField]) : null,
    cost: fields.costField ? readNumber(issue.fields[fields.costField]) : null,
    done: issue.fields.status?.statusCategory?.key === 'done',
  };
}
