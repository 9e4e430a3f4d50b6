import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/core/config-schema.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { buildDigest, QUESTIONS, type LintRecord } from '../../../src/core/digest.js';
import { renderDigestMarkdown } from '../../../src/core/render/digest-markdown.js';
import { digestMessage } from '../../../src/slack/views/digest.js';
import { lintIssue } from '../../../src/core/lint.js';
import type { JiraIssue, JiraIssueLink } from '../../../src/core/ticket/normalise.js';
import { doc, heading, issue, para, text } from '../../helpers/issues.js';
import { finding } from '../../helpers/lint.js';

const STORY = 'As a returning shopper, I want to save my basket so that I can pay later.';
const evidence = (description: unknown, fields: Partial<JiraIssue['fields']> = {}, config = DEFAULT_CONFIG, key = 'SHOP-1') =>
  lintIssue(issue(description, fields, key), config).evidence;

const link = (label: string, href: string) => text(label, [{ type: 'link', attrs: { href } }]);
const blockquote = (s: string) => ({ type: 'blockquote', content: [para(text(s))] });
const linked = (key: string, type: string, direction: 'inwardIssue' | 'outwardIssue' = 'inwardIssue'): JiraIssueLink => {
  const other = { key, fields: { issuetype: { name: type } } };
  return direction === 'inwardIssue' ? { inwardIssue: other } : { outwardIssue: other };
};

/** Per language: a story, an evidence section's label and a customer's words. */
const LANGUAGES = [
  ['en', STORY, 'Customer feedback', 'returning shopper', '“I lose my basket every time I switch phones”'],
  ['de', 'Als Stammkundin möchte ich meinen Warenkorb speichern, damit ich später bezahlen kann.', 'Kundenfeedback', 'Stammkundin', '„Ich verliere jedes Mal meinen Warenkorb“'],
  ['es', 'Como cliente habitual, quiero guardar mi cesta para pagar más tarde.', 'Comentarios de clientes', 'cliente habitual', '«Pierdo la cesta cada vez que cambio de móvil»'],
  ['fr', 'En tant que cliente fidèle, je veux enregistrer mon panier afin de payer plus tard.', 'Retours clients', 'cliente fidèle', '« Je perds mon panier à chaque fois »'],
  ['it', 'Come cliente abituale, voglio salvare il carrello per pagare più tardi.', 'Feedback dei clienti', 'cliente abituale', '"Perdo il carrello ogni volta che cambio telefono"'],
  ['nl', 'Als vaste klant wil ik mijn winkelmand bewaren zodat ik later kan betalen.', 'Klantfeedback', 'vaste klant', '"Ik raak mijn mandje steeds kwijt"'],
  ['pt', 'Como cliente frequente, quero guardar o meu carrinho para pagar mais tarde.', 'Feedback de clientes', 'cliente frequente', '"Perco o carrinho sempre que troco de telemóvel"'],
] as const;

const NOTE = '14 tickets in March about baskets lost between devices';

describe('customer-evidence', () => {
  it('warns when nothing shows where the need came from, naming the persona as written', () => {
    expect(finding('customer-evidence', STORY)).toEqual({
      rule: 'customer-evidence',
      severity: 'warn',
      message: 'Nothing shows where the need came from: no support ticket, interview, survey or analytics link.',
      hint: 'Where did we hear this? Link the support tickets, interview notes or analytics that show the returning shopper needs it.',
      link: 'https://github.com/centric-bot/centric/blob/main/README.md#customer-evidence',
    });
    expect(evidence(STORY)).toEqual({ count: 0 });
    expect(finding('customer-evidence', 'Save the basket')?.hint).toContain('show the customer needs it');
  });

  it.each([
    'https://acme.zendesk.com/agent/tickets/4711',
    'https://app.intercom.com/a/inbox/x/conversation/1',
    'https://acme.freshdesk.com/a/tickets/12',
    'https://secure.helpscout.net/conversation/1/2',
    'https://acme.atlassian.net/servicedesk/customer/portal/1/SD-12',
    'https://acme.atlassian.net/jira/servicedesk/projects/SD/queues/custom/1/SD-12',
    'https://acme.atlassian.net/jira/polaris/projects/DISC/ideas/view/1',
    'https://dovetail.com/acme/insights/1',
    'https://acme.productboard.com/insights/notes/1',
    'https://feedback.canny.io/feature-requests/p/save-basket',
    'https://acme.typeform.com/report/abc',
    'https://docs.google.com/forms/d/e/1FAIpQL/viewanalytics',
    'https://forms.gle/abc123',
    'https://insights.hotjar.com/sites/1/recordings/2',
    'https://analytics.amplitude.com/acme/chart/abc',
    'https://mixpanel.com/project/1/view/2/app/funnels',
    'https://lookerstudio.google.com/reporting/abc',
    'https://app.gong.io/call?id=123',
    'https://acme.slack.com/archives/C024BE91L/p1700000000000100',
  ])('passes with a link to %s', (url) => {
    expect(finding('customer-evidence', `${STORY}\nSee [this|${url}]`)).toBeUndefined();
  });

  it.each([
    'https://acme.atlassian.net/browse/SHOP-2',
    'https://acme.atlassian.net/wiki/spaces/X/pages/1',
    'https://acme.atlassian.net/servicedeskish/1',
    'https://docs.google.com/document/d/1',
    'https://slack.com/intl/en-gb/',
    'https://zendesk.com.evil.io/x',
    'https://notzendesk.com/x',
    'https://www.figma.com/file/abc',
  ])('does not count a link to %s', (url) => {
    expect(finding('customer-evidence', `${STORY}\nSee ${url}`)?.rule).toBe('customer-evidence');
  });

  describe.each(LANGUAGES)('in %s', (_code, story, label, persona, words) => {
    it('passes with an evidence section in ADF, wiki markup and plain text', () => {
      expect(evidence(doc(para(text(story)), heading(label), para(text(NOTE))))).toEqual({ count: 1 });
      expect(evidence(`${story}\n\nh3. ${label}\n${NOTE}`)).toEqual({ count: 1 });
      expect(evidence(`${story}\n\n${label}: ${NOTE}`)).toEqual({ count: 1 });
    });

    it('passes with a customer verbatim in ADF, wiki markup and plain text', () => {
      expect(evidence(doc(para(text(story)), blockquote(words.slice(1, -1))))).toEqual({ count: 1 });
      expect(evidence(`${story}\n\n{quote}${words.slice(1, -1)}{quote}`)).toEqual({ count: 1 });
      expect(evidence(`${story}\n\nA customer wrote: ${words}`)).toEqual({ count: 1 });
    });

    it('passes with an evidence link in ADF, wiki markup and plain text', () => {
      const url = 'https://acme.zendesk.com/agent/tickets/4711';
      expect(evidence(doc(para(text(story)), para(link('Ticket 4711', url))))).toEqual({ count: 1 });
      expect(evidence(`${story}\n\n[Ticket 4711|${url}]`)).toEqual({ count: 1 });
      expect(evidence(`${story}\n\n${url}`)).toEqual({ count: 1 });
    });

    it('warns without evidence, with the persona as written', () => {
      for (const description of [doc(para(text(story))), story, `${story}\n\nh3. ${label}\nTBD`]) {
        expect(finding('customer-evidence', description)?.hint).toBe(
          `Where did we hear this? Link the support tickets, interview notes or analytics that show the ${persona} needs it.`,
        );
      }
    });
  });

  it('needs content in a section: a label alone or a placeholder is no evidence', () => {
    expect(evidence(`${STORY}\n\nEvidence:`)).toEqual({ count: 0 });
    expect(evidence(`${STORY}\n\nResearch: TBD`)).toEqual({ count: 0 });
    expect(evidence(`${STORY}\n\nh3. Evidence\nh3. Acceptance criteria\n* it saves`)).toEqual({ count: 0 });
    expect(evidence(`${STORY}\n\nResearch-based defaults apply.`)).toEqual({ count: 0 });
    expect(evidence(`${STORY}\n\n*Research:* five interviews in May`)).toEqual({ count: 1 });
  });

  it('does not take short quotes or the words of the interface for a customer verbatim', () => {
    expect(evidence(`${STORY}\n\nA "Save for later" button.`)).toEqual({ count: 0 });
    expect(evidence(`${STORY}\n\nh3. Acceptance criteria\n* Given a basket, when I leave, then I see "Your basket is saved for later"`)).toEqual({ count: 0 });
    expect(evidence(`${STORY}\n\nThen I see "Your basket is saved for later"`)).toEqual({ count: 0 });
    expect(evidence(`${STORY}\n\n> I lose my basket every time`)).toEqual({ count: 1 });
  });

  it('counts linked issues of the configured types, in either direction, once each', () => {
    const issuelinks = [linked('SD-1', 'Customer Request'), linked('SD-2', 'feedback', 'outwardIssue'), linked('SD-1', 'Customer Request'), linked('SHOP-9', 'Bug')];
    expect(evidence(STORY, { issuelinks })).toEqual({ count: 2 });
    expect(finding('customer-evidence', STORY, { issuelinks: [linked('SHOP-9', 'Bug')] })?.rule).toBe('customer-evidence');
    const config = configSchema().parse({ evidenceIssueTypes: ['Bug'] });
    expect(evidence(STORY, { issuelinks }, config)).toEqual({ count: 1 });
  });

  it('counts distinct items: the same link twice is one, each link, section, verbatim and issue one more', () => {
    const url = 'https://acme.zendesk.com/agent/tickets/4711';
    expect(evidence(doc(para(text(STORY)), para(link('Ticket', url)), para(text(url))))).toEqual({ count: 1 });
    const description = [
      STORY,
      `[Ticket|${url}] and [the survey|https://forms.gle/abc] and ${url}#comment`,
      `Research: ${NOTE}`,
      '“I lose my basket every time I switch phones”, and again: “I lose my basket every time I switch phones”',
    ].join('\n\n');
    expect(evidence(description, { issuelinks: [linked('SD-1', 'Service Request')] })).toEqual({ count: 5 });
  });

  it('takes evidenceDomains per project, replacing the default list', () => {
    const config = configSchema().parse({ projects: { SHOP: { evidenceDomains: ['support.acme.com', 'acme.atlassian.net/servicedesk'] } } });
    const zendesk = `${STORY}\nhttps://acme.zendesk.com/agent/tickets/1`;
    expect(evidence(zendesk, {}, config, 'SHOP-1')).toEqual({ count: 0 });
    expect(evidence(zendesk, {}, config, 'OPS-1')).toEqual({ count: 1 });
    expect(evidence(`${STORY}\nhttps://support.acme.com/requests/1`, {}, config, 'SHOP-1')).toEqual({ count: 1 });
    expect(evidence(`${STORY}\nhttps://acme.atlassian.net/servicedesk/customer/portal/1`, {}, config, 'SHOP-1')).toEqual({ count: 1 });
    expect(evidence(`${STORY}\nhttps://other.atlassian.net/servicedesk/customer/portal/1`, {}, config, 'SHOP-1')).toEqual({ count: 0 });
  });

  it('rejects an evidence source that is not a domain', () => {
    expect(() => configSchema().parse({ evidenceDomains: ['https://zendesk.com'] })).toThrow(/expected a domain such as zendesk.com/);
    expect(() => configSchema().parse({ evidenceDomains: ['zendesk'] })).toThrow(/expected a domain/);
  });

  it('reports a count only: never the customer, the link or the quote', () => {
    const report = lintIssue(
      issue(`${STORY}\n\nMaria Lopez said: “I lose my basket every time I switch phones”\nhttps://acme.zendesk.com/agent/tickets/4711`, {
        issuelinks: [linked('SD-77', 'Customer Request')],
      }),
      DEFAULT_CONFIG,
    );
    expect(report.evidence).toEqual({ count: 3 });
    const json = JSON.stringify(report);
    for (const secret of ['Maria', 'lose my basket', 'zendesk', '4711', 'SD-77']) expect(json).not.toContain(secret);
  });

  it('leaves the count out when the rule is off', () => {
    const config = configSchema().parse({ rules: { 'customer-evidence': 'off' } });
    expect(lintIssue(issue(STORY), config).evidence).toBeUndefined();
    expect(lintIssue(issue(STORY), config).findings?.some((f) => f.rule === 'customer-evidence')).toBe(false);
  });
});

describe("the digest's evidence rate", () => {
  const WEEK = 7 * 24 * 3600_000;
  const END = Date.UTC(2026, 10, 30);
  const record = (key: string, at: number, evidence?: number): LintRecord => ({ key, score: 80, role: 'shopper', failedRules: [], lintedAt: at, ...(evidence === undefined ? {} : { evidence }) });
  const digestOf = (history: LintRecord[]) => buildDigest({ end: END, periodMs: WEEK, history, facts: [], isGenericRole: () => false, readyStatuses: [] });

  it('is the share of tickets with evidence, of those whose count is known, with its change', () => {
    const lastWeek = END - WEEK - 1000;
    const d = digestOf([record('A-1', lastWeek, 0), record('A-2', lastWeek, 0), record('A-1', END - 1000, 2), record('A-2', END - 1000, 0), record('A-3', END - 1000, 1), record('A-4', END - 1000)]);
    expect(d.period.evidence).toBeCloseTo(2 / 3);
    expect(d.previous.evidence).toBe(0);
    expect(renderDigestMarkdown(d, 'SHOP')).toContain('**Customer evidence:** 67% of the tickets show where the need came from ▲67 pts');
    const message = digestMessage({ title: 'SHOP', digest: d, browse: (k) => k, late: false, questions: QUESTIONS });
    expect(message.text).toContain('Where did we hear it? (customer evidence): 67% ▲67 pts');
  });

  it('is left out when no record knows its count: an old history is not read as "no evidence"', () => {
    const d = digestOf([record('A-1', END - 1000)]);
    expect(d.period).not.toHaveProperty('evidence');
    expect(renderDigestMarkdown(d, 'SHOP')).not.toContain('Customer evidence');
    expect(digestMessage({ title: 'SHOP', digest: d, browse: (k) => k, late: false, questions: QUESTIONS }).text).not.toContain('customer evidence');
  });
});
