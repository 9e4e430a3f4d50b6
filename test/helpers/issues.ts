import type { JiraIssue } from '../../src/core/ticket/normalise.js';

type Node = Record<string, unknown>;

export const text = (s: string, marks?: Node[]): Node => (marks ? { type: 'text', text: s, marks } : { type: 'text', text: s });
export const para = (...content: Node[]): Node => ({ type: 'paragraph', content });
export const heading = (s: string, level = 3): Node => ({ type: 'heading', attrs: { level }, content: [text(s)] });
export const bullets = (...items: string[]): Node => ({
  type: 'bulletList',
  content: items.map((i) => ({ type: 'listItem', content: [para(text(i))] })),
});
export const doc = (...content: Node[]): Node => ({ type: 'doc', version: 1, content });
export const image = (alt: string): Node => ({
  type: 'mediaSingle',
  attrs: { layout: 'center' },
  content: [{ type: 'media', attrs: { type: 'file', id: `id-${alt}`, collection: '', alt } }],
});

/** A Jira issue as REST returns it, with a description in any of the three forms. */
export function issue(description: unknown, fields: Partial<JiraIssue['fields']> = {}, key = 'SHOP-1'): JiraIssue {
  return {
    key,
    fields: { summary: 'Ticket', description, issuetype: { name: 'Story' }, attachment: [], labels: [], ...fields },
  };
}

/** A passing ticket's description in wiki markup; tests remove one part at a time. */
export const GOOD_STORY = 'As a returning customer, I want to save my basket, so that I can finish my purchase on my phone.';
export const GOOD_AC = 'h3. Acceptance criteria\n* Given a saved basket, when I sign in on my phone, then I see it';
export const GOOD_METRIC = 'Success: checkout conversion from 2.1% to 2.6% within 6 weeks.';
export const GOOD_DESIGN = 'Design: [https://www.figma.com/file/abc/Basket]';
export const GOOD_EVIDENCE = 'Customer feedback: in interviews, shoppers told us they lose their basket when they switch devices.';
export const good = (...parts: string[]): string => parts.join('\n\n');
