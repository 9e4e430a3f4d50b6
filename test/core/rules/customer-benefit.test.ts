import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/core/config-schema.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { lintIssue } from '../../../src/core/lint.js';
import { isInternalRole } from '../../../src/core/rules/customer-benefit.js';
import { doc, heading, issue, para, text } from '../../helpers/issues.js';
import { finding } from '../../helpers/lint.js';

const link = 'https://github.com/centric-bot/centric/blob/main/README.md#customer-benefit';

/** A story in the three forms a description comes in: ADF, wiki markup, plain text. */
const forms = (story: string, ...lines: string[]): Array<[string, unknown]> => [
  ['adf', doc(para(text(story)), ...lines.map((l) => para(text(l))))],
  ['wiki', [`h3. Story`, `*${story}*`, ...lines].join('\n\n')],
  ['text', [story, ...lines].join('\n')],
];

const BUSINESS: Array<[string, string, string]> = [
  ['en', 'As a first-time shopper, I want a product carousel on the basket page, so that we increase revenue.', 'first-time shopper'],
  ['de', 'Als Erstkäuferin möchte ich Produktempfehlungen im Warenkorb sehen, damit wir den Umsatz steigern.', 'Erstkäuferin'],
  ['es', 'Como compradora, quiero ver recomendaciones en la cesta, para que la empresa aumente los ingresos.', 'compradora'],
];

const CUSTOMER: Array<[string, string]> = [
  ['en', 'As a first-time shopper, I want to save my basket, so that I can finish my purchase on my phone.'],
  ['de', 'Als Erstkäuferin möchte ich meinen Warenkorb speichern, damit ich den Kauf am Handy abschließen kann.'],
  ['es', 'Como compradora, quiero guardar mi cesta, para que pueda terminar la compra en el móvil.'],
];

const BOTH: Array<[string, string]> = [
  ['en', 'As a first-time shopper, I want one-click checkout, so that I check out faster and we sell more.'],
  ['de', 'Als Erstkäuferin möchte ich mit einem Klick bezahlen, damit ich schneller bezahle und wir mehr verkaufen.'],
  ['es', 'Como compradora, quiero pagar con un clic, para que pague más rápido y la empresa venda más.'],
];

describe('customer-benefit: a business-only benefit', () => {
  for (const [code, story, role] of BUSINESS) {
    it.each(forms(story))(`${code}: is named in %s`, (_form, description) => {
      const found = finding('customer-benefit', description);
      expect(found).toMatchObject({ rule: 'customer-benefit', severity: 'warn', link });
      expect(found!.message).toBe(`This benefit is for the business. What does the ${role} get from it?`);
      expect(found!.hint).toMatch(new RegExp(`^Say what ".+" gives the ${role}: time saved, a worry gone, a task done`));
    });
  }

  it('carries benefit.kind in the report', () => {
    expect(lintIssue(issue(BUSINESS[0]![1]), DEFAULT_CONFIG).benefit).toEqual({ kind: 'business' });
    expect(lintIssue(issue(CUSTOMER[0]![1]), DEFAULT_CONFIG).benefit).toEqual({ kind: 'customer' });
    expect(lintIssue(issue(BOTH[0]![1]), DEFAULT_CONFIG).benefit).toEqual({ kind: 'both' });
    expect(lintIssue(issue('As a shopper, I want to save my basket.'), DEFAULT_CONFIG)).not.toHaveProperty('benefit');
  });

  it('is answered by a "Customer impact:" line, in each language', () => {
    expect(finding('customer-benefit', `${BUSINESS[0]![1]}\n\nCustomer impact: shoppers find matching items without searching.`)).toBeUndefined();
    expect(finding('customer-benefit', `${BUSINESS[1]![1]}\n\nKundennutzen: Kundinnen finden passende Artikel ohne Suche.`)).toBeUndefined();
    expect(finding('customer-benefit', doc(para(text(BUSINESS[2]![1])), heading('Impacto en el cliente'), para(text('Encuentran artículos sin buscar.'))))).toBeUndefined();
    // A label with nothing after it says nothing.
    expect(finding('customer-benefit', `${BUSINESS[0]![1]}\n\nCustomer impact:`)).toBeDefined();
  });

  it('costs the rule\'s weight, and can be turned off', () => {
    const off = configSchema().parse({ rules: { 'customer-benefit': 'off' } });
    expect(finding('customer-benefit', BUSINESS[0]![1], {}, off)).toBeUndefined();
    expect(lintIssue(issue(BUSINESS[0]![1]), off).benefit).toEqual({ kind: 'business' });
  });
});

describe('customer-benefit: a benefit for the customer, or for both', () => {
  for (const [code, story] of [...CUSTOMER, ...BOTH]) {
    it.each(forms(story))(`${code}: passes in %s: ${story.slice(0, 50)}`, (_form, description) => {
      expect(finding('customer-benefit', description)).toBeUndefined();
    });
  }

  it('leaves a story without a benefit to customer-value', () => {
    expect(finding('customer-benefit', 'As a shopper, I want to save my basket.')).toBeUndefined();
  });
});

describe('customer-benefit: internal roles', () => {
  const message = (role: string) => `How does this reach the customer? The ${role} is an internal role, and the ticket does not say how the end customer is affected.`;

  it.each([
    ['As a merchandiser, I want to bulk-edit prices, so that I save an hour every Monday.', 'merchandiser'],
    ['As a developer, I want a sandbox API key, so that we can test the payment flow.', 'developer'],
    ['As a senior warehouse supervisor, I want a pick list per aisle, so that my team walks less.', 'senior warehouse supervisor'],
    ['Als Entwicklerin möchte ich einen Testschlüssel, damit ich Zahlungen testen kann.', 'Entwicklerin'],
    ['Como administrador, quiero exportar los pedidos, para que pueda revisar el día.', 'administrador'],
  ])('asks how it reaches the customer: %s', (story, role) => {
    for (const [, description] of forms(story)) {
      expect(finding('customer-benefit', description)).toMatchObject({ severity: 'warn', message: message(role) });
    }
    expect(finding('customer-benefit', story)!.hint).toMatch(/^Add a ".+:" line saying what customers notice once ".+" is done, or name the customer persona it serves\.$/);
  });

  it('hints with the label of the story\'s language', () => {
    expect(finding('customer-benefit', 'Als Entwicklerin möchte ich einen Testschlüssel, damit ich Zahlungen testen kann.')!.hint).toContain('"Kundennutzen:"');
  });

  it.each([
    ['a Customer impact line', 'As a merchandiser, I want to bulk-edit prices, so that I save an hour every Monday.\n\nCustomer impact: shoppers see sale prices on time.'],
    ['an end customer in the benefit', 'As a merchandiser, I want to bulk-edit prices, so that shoppers see sale prices on time.'],
    ['a German end customer', 'Als Entwickler möchte ich einen Testschlüssel, damit Kunden sicher bezahlen.'],
    ['a Spanish impact line', 'Como administrador, quiero exportar los pedidos, para que pueda revisar el día.\n\nImpacto en el cliente: los pedidos llegan a tiempo.'],
    ['a business benefit with a customer impact line', 'As a developer, I want a sandbox API key, so that we cut support costs.\n\nCustomer impact: payments fail less often.'],
  ])('passes with %s', (_what, description) => {
    expect(finding('customer-benefit', description)).toBeUndefined();
  });

  it('passes when the ticket names a catalogue persona it serves', () => {
    const config = configSchema().parse({ personas: [{ name: 'Night-shift nurse' }, { name: 'Merchandiser' }] });
    const story = 'As a merchandiser, I want to bulk-edit prices, so that I save an hour every Monday.';
    expect(finding('customer-benefit', `${story}\n\nNight-shift nurses see the new prices at once.`, {}, config)).toBeUndefined();
    // The internal role itself in the catalogue is no customer.
    expect(finding('customer-benefit', story, {}, config)).toBeDefined();
  });

  it('takes internalRoles from the config, per project too', () => {
    const story = 'As a merchandiser, I want to bulk-edit prices, so that I save an hour every Monday.';
    const none = configSchema().parse({ internalRoles: [] });
    expect(finding('customer-benefit', story, {}, none)).toBeUndefined();
    const project = configSchema().parse({ projects: { SHOP: { internalRoles: ['buyer'] } } });
    expect(finding('customer-benefit', 'As a buyer, I want a price list, so that I can plan.', {}, project)?.message).toBe(message('buyer'));
  });

  it.each([
    ['developers', true], ['Entwicklerin', true], ['API consumer', true], ['ops engineer', true],
    ['shopper', false], ['night nurse', false], ['adventure traveller', false],
  ])('reads %s as internal: %s', (role, internal) => {
    expect(isInternalRole(role, DEFAULT_CONFIG.internalRoles)).toBe(internal);
  });
});
