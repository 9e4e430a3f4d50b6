/** A deterministic corpus of realistic Jira Cloud issues: ADF descriptions of about 3 KB. */

type Node = Record<string, unknown>;

/** mulberry32: the same numbers for the same seed, on every run (the bench's generators share it). */
export function prng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STORIES: Record<string, string[]> = {
  en: [
    'As a first-time shopper on mobile, I want to save my basket for later, so that I can finish my purchase at home.',
    'As a user, I want to search and filter products.',
    'As a warehouse picker, I would like to see the next order on my scanner so that I walk less.',
    'Refactor the basket service to use the new pricing client.',
  ],
  de: ['Als Stammkundin möchte ich meine Wunschliste teilen, damit meine Familie weiß, was ich mir wünsche.'],
  es: ['Como cliente habitual quiero repetir mi último pedido para ahorrar tiempo.'],
  it: ['Come cliente abituale voglio salvare il carrello per completare l’acquisto dal telefono.'],
  fr: ["En tant qu'acheteuse régulière, je veux enregistrer mon panier afin de payer plus tard."],
  nl: ['Als terugkerende klant wil ik mijn mandje bewaren zodat ik later kan betalen.'],
  pt: ['Como cliente recorrente, eu quero salvar meu carrinho para que eu possa pagar depois.'],
};

const FILLER = [
  'Today the basket is emptied when the session expires, which loses about one in five mobile baskets.',
  'Support reports that customers re-create the same basket several times a week before paying.',
  'The pricing client already exposes the totals we need; no new endpoint is required for this.',
  'Legal confirmed that keeping a basket for thirty days does not need a new consent banner.',
  'The design system has a saved-items component that the web shop already uses on the wishlist page.',
];

const METRICS = [
  'Success: checkout conversion of returning customers from 2.1% to 2.6% within 6 weeks.',
  'We expect better retention.',
  'NPS above 45 for the mobile shop by Q3.',
  '',
];

const text = (s: string, marks?: Node[]): Node => (marks ? { type: 'text', text: s, marks } : { type: 'text', text: s });
const para = (...content: Node[]): Node => ({ type: 'paragraph', content });
const heading = (s: string): Node => ({ type: 'heading', attrs: { level: 3 }, content: [text(s)] });
const list = (items: string[]): Node => ({ type: 'bulletList', content: items.map((i) => ({ type: 'listItem', content: [para(text(i))] })) });

function description(rand: () => number, pick: <T>(xs: T[]) => T): Node {
  const lang = pick(Object.keys(STORIES));
  const content: Node[] = [para(text(pick(STORIES[lang]!), rand() < 0.3 ? [{ type: 'strong' }] : undefined))];
  content.push(heading('Context'));
  for (let i = 0; i < 6; i++) content.push(para(text(pick(FILLER)), text(' '), text(pick(FILLER))));
  if (rand() < 0.6) {
    content.push(heading('Acceptance criteria'));
    content.push(list(['Given a saved basket, when I sign in on my phone, then I see the same items', 'Saved baskets are kept for 30 days', 'Prices are refreshed when the basket is opened']));
  }
  const metric = pick(METRICS);
  if (metric) content.push(heading('Success'), para(text(metric)));
  if (rand() < 0.5) {
    content.push({ type: 'mediaSingle', attrs: { layout: 'center' }, content: [{ type: 'media', attrs: { type: 'file', id: 'f3c1e0a2-1b2e-4c2a-9b8f-0c1a2b3c4d5e', collection: '', alt: 'wireframe.png', width: 1200, height: 800 } }] });
  } else if (rand() < 0.5) {
    content.push(para(text('Design: '), text('Figma', [{ type: 'link', attrs: { href: 'https://www.figma.com/file/Kx81/Basket' } }])));
  }
  return { type: 'doc', version: 1, content };
}

/** `count` issues, each serialised as the REST API would send it. */
export function generateIssues(count: number, seed = 42): string[] {
  const rand = prng(seed);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rand() * xs.length)]!;
  return Array.from({ length: count }, (_, i) =>
    JSON.stringify({
      id: String(10_000 + i),
      key: `SHOP-${i + 1}`,
      self: `https://acme.atlassian.net/rest/api/3/issue/${10_000 + i}`,
      fields: {
        summary: `Ticket ${i + 1}`,
        description: description(rand, pick),
        issuetype: { id: '10001', name: rand() < 0.9 ? 'Story' : 'Bug', subtask: false },
        status: { name: 'To Do' },
        project: { key: 'SHOP' },
        attachment: rand() < 0.3 ? [{ id: '1', filename: 'flow.png', mimeType: 'image/png', size: 48213 }] : [],
        labels: ['web'],
        reporter: { accountId: '5b10a2844c20165700ede21g', displayName: 'Priya Shah' },
      },
    }),
  );
}
