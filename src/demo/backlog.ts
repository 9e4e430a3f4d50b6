import type { JiraIssue } from '../core/ticket/normalise.js';
import type { JiraAccount } from './stand-ins/jira-cloud.js';
import type { SlackChannel, SlackPerson } from './stand-ins/slack-web.js';

type Node = Record<string, unknown>;
const text = (s: string, marks?: Node[]): Node => (marks ? { type: 'text', text: s, marks } : { type: 'text', text: s });
const para = (...content: Node[]): Node => ({ type: 'paragraph', content });
const heading = (s: string): Node => ({ type: 'heading', attrs: { level: 3 }, content: [text(s)] });
const bullets = (...items: string[]): Node => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [para(text(i))] })) });
const doc = (...content: Node[]): Node => ({ type: 'doc', version: 1, content });
const link = (label: string, href: string): Node => text(label, [{ type: 'link', attrs: { href } }]);
const screenshot = (id: string): Node => ({ type: 'mediaSingle', attrs: { layout: 'center' }, content: [{ type: 'media', attrs: { type: 'file', id, collection: 'jira-demo', alt: `${id}.png` } }] });

/** Throw-away credentials: the stand-ins check them as Slack and Jira would. */
export const DEMO_SECRETS = {
  SLACK_BOT_TOKEN: 'xoxb-demo-0000-not-a-real-token',
  SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
  JIRA_API_TOKEN: 'demo-jira-api-token',
  JIRA_WEBHOOK_SECRET: 'demo-webhook-secret-0123456789',
};

export const PEOPLE = {
  priya: { slack: 'U0PRIYA', jira: '5b10a2844c20165700ede21g', name: 'Priya Nair', email: 'priya@acme.example', tz: 'Europe/Berlin' },
  marek: { slack: 'U0MAREK', jira: '5b10ac8d82e05b22cc7d4ef5', name: 'Marek Nowak', email: 'marek@acme.example', tz: 'Europe/Warsaw' },
} as const;

export const BOT_ACCOUNT: JiraAccount = { accountId: '5b10-centric-bot', displayName: 'Centric', emailAddress: 'centric@acme.example' };
export const PRODUCT_CHANNEL = 'C0PRODUCT';

export const JIRA_PEOPLE: JiraAccount[] = Object.values(PEOPLE).map((p) => ({ accountId: p.jira, displayName: p.name, emailAddress: p.email }));
export const SLACK_PEOPLE: Record<string, SlackPerson> = Object.fromEntries(Object.values(PEOPLE).map((p) => [p.slack, { name: p.name, email: p.email, tz: p.tz }]));
export const SLACK_CHANNELS: Record<string, SlackChannel> = { [PRODUCT_CHANNEL]: { name: 'product', member: false } };

const user = (p: (typeof PEOPLE)[keyof typeof PEOPLE]) => ({ accountId: p.jira, displayName: p.name, emailAddress: p.email });

function story(key: string, summary: string, description: Node, reporter: (typeof PEOPLE)[keyof typeof PEOPLE], extra: Partial<JiraIssue['fields']> = {}): JiraIssue {
  return {
    key,
    fields: {
      summary,
      description,
      issuetype: { name: 'Story' },
      status: { name: 'To Do', statusCategory: { key: 'new' } },
      project: { key: 'SHOP' },
      attachment: [],
      labels: [],
      components: [],
      reporter: user(reporter),
      assignee: null,
      customfield_10016: 3,
      ...extra,
    },
  };
}

/** A small shop backlog: good, weak and non-story tickets, in English, German and Spanish. */
export function shopBacklog(): JiraIssue[] {
  return [
    story(
      'SHOP-1',
      'Save the basket across devices',
      doc(
        para(text('As a returning customer on mobile, I want my basket saved across devices, so that I can finish my purchase on my phone.')),
        heading('Success'),
        para(text('Checkout completion on mobile from 41% to 46% within 6 weeks.')),
        heading('Design'),
        para(link('Basket wireframe', 'https://www.figma.com/file/k3y/Basket')),
        heading('Customer feedback'),
        para(link('38 support tickets about lost baskets', 'https://acme.zendesk.com/agent/filters/360001')),
        heading('Acceptance criteria'),
        bullets('Given a saved basket, when I sign in on my phone, then I see the same items'),
      ),
      PEOPLE.marek,
    ),
    story(
      'SHOP-2',
      'Filter products',
      doc(
        para(text('As a user, I want to filter products by size.')),
        screenshot('filter-sketch'),
        para(text('Asked for in '), link('the size-filter survey', 'https://acme.typeform.com/report/sizes')),
        heading('Acceptance criteria'),
        bullets('Given the shoe category, when I pick size 42, then only shoes in 42 are listed'),
      ),
      PEOPLE.priya,
      { attachment: [{ filename: 'filter-sketch.png', mimeType: 'image/png' }] },
    ),
    story(
      'SHOP-3',
      'Wunschliste teilen',
      doc(para(text('Als Erstkäuferin möchte ich meine Wunschliste teilen, damit Freunde mir passende Geschenke kaufen.')), para(text('Erfolg: Anteil geteilter Wunschlisten von 2% auf 5% in 8 Wochen.'))),
      PEOPLE.marek,
    ),
    story('SHOP-4', 'Pago rápido', doc(para(text('Como usuario quiero pagar más rápido.'))), PEOPLE.priya),
    {
      key: 'SHOP-5',
      fields: {
        summary: 'Upgrade the payment SDK to v5',
        description: doc(para(text('The v4 SDK is deprecated in March.'))),
        issuetype: { name: 'Task' },
        status: { name: 'To Do', statusCategory: { key: 'new' } },
        project: { key: 'SHOP' },
        attachment: [],
        labels: [],
        components: [],
        reporter: user(PEOPLE.marek),
        assignee: null,
      },
    },
  ];
}
