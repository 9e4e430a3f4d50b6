import { describe, expect, it } from 'vitest';
import { configSchema } from '../../../src/core/config-schema.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { lintIssue } from '../../../src/core/lint.js';
import type { JiraIssue } from '../../../src/core/ticket/normalise.js';
import { doc, heading, para, text } from '../../helpers/issues.js';

const LINK = 'https://github.com/centric-bot/centric/blob/main/README.md#working-backwards';
const PRFAQ_TAIL = ' Or link the epic\'s PR/FAQ (Confluence or Google Docs) on a "PR/FAQ:" line.';

const epic = (description: unknown, fields: Partial<JiraIssue['fields']> = {}, key = 'SHOP-1'): JiraIssue => ({
  key,
  fields: { summary: 'Faster re-ordering', description, issuetype: { name: 'Epic' }, attachment: [], labels: [], ...fields },
});
const lint = (description: unknown, fields: Partial<JiraIssue['fields']> = {}, config = DEFAULT_CONFIG) => lintIssue(epic(description, fields), config);

/** The five answers, one line each (wiki markup / plain text). */
const ANSWERS = {
  customer: 'Customer: night-shift nurses on a hospital ward',
  problem: 'Problem: re-ordering supplies by hand takes them 40 minutes at the end of a shift',
  benefit: 'Benefit: they get home on time',
  metric: 'Success metric: supply re-order time from 40 to 10 minutes within a quarter',
  experience: 'Experience: https://www.figma.com/file/abc/Reorder',
};
const without = (...left: Array<keyof typeof ANSWERS>): string =>
  Object.entries(ANSWERS)
    .filter(([q]) => !left.includes(q as keyof typeof ANSWERS))
    .map(([, line]) => line)
    .join('\n');

describe('working-backwards: the five customer questions', () => {
  it('passes an epic that answers all five, and reports its customer and metric', () => {
    expect(lint(without())).toEqual({
      key: 'SHOP-1',
      skipped: false,
      score: 100,
      story: null,
      findings: [],
      epic: { persona: 'night-shift nurses on a hospital ward', metric: 're-order time', missing: [], prfaq: null },
      ...pick(lint(without()), 'journey'),
    });
  });

  it('warns for one question left open, losing a fifth of the weight, with a hint for it', () => {
    const report = lint(without('experience'));
    expect(report.findings).toEqual([
      {
        rule: 'working-backwards',
        severity: 'warn',
        message: 'The epic does not answer 1 of the 5 customer questions: what the experience looks like.',
        hint: `Show what the experience looks like: link the design or a prototype (Figma, Miro…), attach a wireframe, or add "Experience: <what the night-shift nurses on a hospital ward will see and do>".${PRFAQ_TAIL}`,
        link: LINK,
      },
    ]);
    expect(report.score).toBe(80);
    expect(report.epic).toEqual({ persona: 'night-shift nurses on a hospital ward', metric: 're-order time', missing: ['experience'], prfaq: null });
  });

  it('warns for two, naming both, the hint starting from the first', () => {
    const report = lint(without('metric', 'experience'));
    expect(report.findings?.[0]?.severity).toBe('warn');
    expect(report.findings?.[0]?.message).toBe('The epic does not answer 2 of the 5 customer questions: how we will know, what the experience looks like.');
    expect(report.findings?.[0]?.hint).toMatch(/^Add a success metric with a target, e\.g\. "Success metric: .+"\. Or link the epic's PR\/FAQ/);
    expect(report.score).toBe(60);
    expect(report.epic?.metric).toBeNull();
  });

  it('fails an epic with three or more open at the configured severity, scored by the share answered', () => {
    const three = lint(without('problem', 'benefit', 'metric'));
    expect(three.findings?.[0]).toMatchObject({
      severity: 'error',
      message: 'The epic does not answer 3 of the 5 customer questions: what problem or opportunity, the most important benefit, how we will know.',
      hint: `Say what problem or opportunity this is for the night-shift nurses on a hospital ward, e.g. "Problem: <what gets in their way today>".${PRFAQ_TAIL}`,
    });
    expect(three.score).toBe(40);
    expect(lint(without('customer', 'problem', 'benefit', 'metric')).score).toBe(20);
    const none = lint('We should make re-ordering faster.');
    expect(none.findings).toEqual([
      {
        rule: 'working-backwards',
        severity: 'error',
        message: 'The epic does not answer 5 of the 5 customer questions: who the customer is, what problem or opportunity, the most important benefit, how we will know, what the experience looks like.',
        hint: expect.stringMatching(/^Say who the customer is, e\.g\. "Customer: .+"\. Or link the epic's PR\/FAQ \(Confluence or Google Docs\) on a "PR\/FAQ:" line\.$/),
        link: LINK,
      },
    ]);
    expect(none.score).toBe(0);
    expect(none.epic).toEqual({ persona: null, metric: null, missing: ['customer', 'problem', 'benefit', 'metric', 'experience'], prfaq: null });
  });

  it('reads the questions as headings with their answer under them (ADF), and as question labels', () => {
    const adf = doc(
      heading('Who is the customer?'),
      para(text('A night-shift nurse on a hospital ward.')),
      heading('Opportunity'),
      para(text('Re-ordering supplies takes 40 minutes at the end of a shift.')),
      heading('What is the most important customer benefit?'),
      para(text('They get home on time.')),
      heading('How will we know?'),
      para(text('Supply re-order time from 40 to 10 minutes within a quarter.')),
      heading('Experience'),
      para(text('The nurse taps "repeat last order" on the ward tablet and checks the quantities.')),
    );
    expect(lint(adf).findings).toEqual([]);
    expect(lint(adf).epic?.persona).toBe('night-shift nurse on a hospital ward');
    // Wiki headings, a bold label and a question on its line with the answer after it.
    const wiki = 'h3. Who is the customer?\nNight-shift nurses.\n\n*Problem:* re-ordering takes 40 minutes.\nWhat is the most important customer benefit? They get home on time.\n' + `${ANSWERS.metric}\n${ANSWERS.experience}`;
    expect(lint(wiki).epic).toMatchObject({ persona: 'night-shift nurses', missing: [] });
  });

  it.each([
    ['de', 'Kunde: Pflegekräfte im Nachtdienst\nProblem: die Nachbestellung dauert 40 Minuten\nNutzen: sie kommen pünktlich nach Hause\nWoran erkennen wir den Erfolg? Bestelldauer von 40 auf 10 Minuten bis Q3\nErlebnis: https://www.figma.com/file/abc', 'pflegekräfte im nachtdienst'],
    ['es', 'Cliente: enfermeras del turno de noche\nProblema: reponer material lleva 40 minutos\nBeneficio: llegan a casa a tiempo\n¿Cómo sabremos? tiempo de pedido de 40 a 10 minutos en un trimestre\nExperiencia: https://www.figma.com/file/abc', 'enfermeras del turno de noche'],
    ['fr', 'Client : infirmières de nuit\nProblème : la commande prend 40 minutes\nBénéfice : elles rentrent à l\'heure\nComment saurons-nous ? temps de commande de 40 à 10 minutes en un trimestre\nExpérience : https://www.figma.com/file/abc', 'infirmières de nuit'],
    ['it', 'Cliente: infermiere del turno di notte\nProblema: riordinare richiede 40 minuti\nBeneficio: tornano a casa in orario\nCome lo sapremo? tempo di ordine da 40 a 10 minuti entro un trimestre\nEsperienza: https://www.figma.com/file/abc', 'infermiere del turno di notte'],
    ['nl', 'Klant: verpleegkundigen in de nachtdienst\nProbleem: bestellen kost 40 minuten\nVoordeel: ze zijn op tijd thuis\nHoe weten we het? besteltijd van 40 naar 10 minuten binnen een kwartaal\nErvaring: https://www.figma.com/file/abc', 'verpleegkundigen in de nachtdienst'],
    ['pt', 'Cliente: enfermeiras do turno da noite\nProblema: repor material leva 40 minutos\nBenefício: chegam a casa a horas\nComo saberemos? tempo de pedido de 40 para 10 minutos num trimestre\nExperiência: https://www.figma.com/file/abc', 'enfermeiras do turno da noite'],
  ])('reads the labels in %s', (_lang, description, persona) => {
    expect(lint(description).findings).toEqual([]);
    expect(lint(description).epic?.persona).toBe(persona);
  });

  it('takes the customer from a story in the epic or a catalogue persona named in it, and the benefit from the story', () => {
    const story = 'As a night-shift nurse, I want to repeat last week\'s order, so that I get home on time.';
    expect(lint(`${story}\n${without('customer', 'benefit')}`).epic).toMatchObject({ persona: 'night-shift nurse', missing: [] });
    const config = configSchema().parse({ personas: [{ name: 'Night-shift nurse', aliases: ['night nurse'] }] });
    const named = 'Every night nurse loses 40 minutes re-ordering.\n' + without('customer');
    expect(lint(named, {}, config).epic).toMatchObject({ persona: 'night-shift nurse', missing: [] });
    expect(lint(named).epic?.missing).toEqual(['customer']);
  });

  it('takes no customer from a job story, which names no role', () => {
    const job = 'When I\'m re-ordering supplies at the end of a night shift, I want to repeat last week\'s order, so I can get home on time.';
    const report = lint(`${job}\n${without('customer')}`);
    expect(report.story).toMatchObject({ kind: 'job', role: '' });
    expect(report.epic).toMatchObject({ persona: null, missing: ['customer'] });
    expect(report.findings?.[0]?.message).toBe('The epic does not answer 1 of the 5 customer questions: who the customer is.');
    // A catalogue persona named in it still answers.
    const config = configSchema().parse({ personas: [{ name: 'Night-shift nurse' }] });
    expect(lint(`${job} Every night-shift nurse does it.\n${without('customer')}`, {}, config).epic).toMatchObject({ persona: 'night-shift nurse', missing: [] });
  });

  it('does not take a placeholder for an answer, nor a metric without a target', () => {
    expect(lint(without('customer') + '\nCustomer: TBD').epic?.missing).toEqual(['customer']);
    expect(lint(without('metric') + '\nHow will we know? Fewer complaints from the wards').epic?.missing).toEqual(['metric']);
    // A label with a target counts even for a metric Centric does not know.
    expect(lint(without('metric') + '\nSuccess: fewer than 3 escalations a week, at least 80% of wards').epic?.missing).toEqual([]);
    // A word that only starts like a label is none.
    expect(lint(without('problem') + '\nProblem-solving workshop held in May.').epic?.missing).toEqual(['problem']);
  });

  it('takes an image or design link for the experience, as visual-evidence does', () => {
    expect(lint(without('experience'), { attachment: [{ filename: 'reorder.png', mimeType: 'image/png' }] }).epic?.missing).toEqual([]);
    expect(lint(without('experience'), { attachment: [{ filename: 'notes.pdf', mimeType: 'application/pdf' }] }).epic?.missing).toEqual(['experience']);
  });
});

describe('working-backwards: delegated to a PR/FAQ', () => {
  const confluence = 'https://acme.atlassian.net/wiki/spaces/SHOP/pages/123/Faster+re-ordering';

  it('passes an epic whose PR/FAQ line links a Confluence page (ADF link mark)', () => {
    const adf = doc(para(text('Make re-ordering faster.')), para(text('PR/FAQ: '), text('Faster re-ordering', [{ type: 'link', attrs: { href: confluence } }])));
    const report = lint(adf);
    expect(report.findings).toEqual([]);
    expect(report.score).toBe(100);
    expect(report.epic).toEqual({ persona: null, metric: null, missing: [], prfaq: confluence });
  });

  it.each([
    ['a Google Doc on a "Press release" line', 'Press release: https://docs.google.com/document/d/1abc/edit', 'https://docs.google.com/document/d/1abc/edit'],
    ['a Confluence page on an "FAQ" line (Data Center)', 'FAQ - https://wiki.acme.com/display/SHOP/Reorder', 'https://wiki.acme.com/display/SHOP/Reorder'],
    ['a document whose address names it, on any line', 'See https://confluence.acme.com/confluence/spaces/SHOP/PR-FAQ+Reorder for details', 'https://confluence.acme.com/confluence/spaces/SHOP/PR-FAQ+Reorder'],
    ['a Google Doc named prfaq', 'Background: https://docs.google.com/document/d/prfaq-reorder/edit', 'https://docs.google.com/document/d/prfaq-reorder/edit'],
    ['a German label', 'Pressemitteilung: https://acme.atlassian.net/wiki/spaces/SHOP/pages/9', 'https://acme.atlassian.net/wiki/spaces/SHOP/pages/9'],
  ])('passes %s', (_name, line, prfaq) => {
    expect(lint(`Make re-ordering faster.\n${line}`).epic).toEqual({ persona: null, metric: null, missing: [], prfaq });
    expect(lint(`Make re-ordering faster.\n${line}`).findings).toEqual([]);
  });

  it('passes a description with a press release and an FAQ section', () => {
    const adf = doc(
      heading('Press release'),
      para(text('Nurses get home on time: re-ordering supplies now takes two taps.')),
      heading('FAQ'),
      para(text('Q: Can I change the quantities? A: Yes, before you send the order.')),
    );
    expect(lint(adf).epic).toEqual({ persona: null, metric: null, missing: [], prfaq: 'description' });
    expect(lint(adf).findings).toEqual([]);
  });

  it('does not pass an unlabelled document link, a link that is no document, or one section alone', () => {
    expect(lint(`Make re-ordering faster.\nNotes: ${confluence}`).epic?.prfaq).toBeNull();
    expect(lint('PR/FAQ: https://www.dropbox.com/s/abc/prfaq.docx').epic?.prfaq).toBeNull();
    expect(lint('PR/FAQ: TBD').findings?.[0]?.severity).toBe('error');
    expect(lint(doc(heading('Press release'), para(text('Nurses get home on time.')))).epic?.prfaq).toBeNull();
    expect(lint(doc(heading('Press release'), para(text('Nurses get home on time.')), heading('FAQ'))).epic?.prfaq).toBeNull();
  });
});

describe('working-backwards: a PR/FAQ link stands on its label\'s line or in its section', () => {
  const arch = 'https://acme.atlassian.net/wiki/spaces/SHOP/pages/7/Architecture';
  const link = (words: string, href: string) => text(words, [{ type: 'link', attrs: { href } }]);
  const card = (url: string) => ({ type: 'blockCard', attrs: { url } });

  it.each([
    ['an empty FAQ heading (Markdown typed as text, one paragraph)', `## FAQ\nArchitecture: ${arch}`],
    ['an empty FAQ heading (Markdown typed as text, its own paragraph)', `## FAQ\n\nArchitecture: ${arch}`],
    ['an empty FAQ heading (wiki)', `h2. FAQ\n\nArchitecture: [the architecture|${arch}]`],
    ['an empty FAQ heading (ADF)', doc(heading('FAQ'), para(text('Architecture: '), link('the architecture', arch)))],
    ['an FAQ heading whose section ends before the link (wiki)', `h2. FAQ\n\nh2. Scope\n[the architecture|${arch}]`],
    ['a PR/FAQ line holding a placeholder, the link on the next line (wiki)', `PR/FAQ: TBD\nArchitecture: [the PR/FAQ|${arch}]`],
    ['a PR/FAQ line holding a placeholder, the link in another paragraph (ADF)', doc(para(text('PR/FAQ: TBD')), para(text('Notes: '), link('the PR/FAQ', arch)))],
  ])('does not pass a document linked beside %s', (_name, description) => {
    const report = lint(description);
    expect(report.epic?.prfaq).toBeNull();
    expect(report.score).toBe(0);
  });

  it.each([
    ['a link on the words under a PR/FAQ heading (ADF)', doc(heading('PR/FAQ'), para(link('Faster re-ordering', arch)))],
    ['a card after a "PR/FAQ:" paragraph (ADF)', doc(para(text('PR/FAQ:')), card(arch))],
    ['an inline card on the PR/FAQ line (ADF)', doc(para(text('PR/FAQ: '), { type: 'inlineCard', attrs: { url: arch } }))],
    ['a link on words on the PR/FAQ line of a longer paragraph (wiki)', `Customer: night nurses\nPR/FAQ: [Faster re-ordering|${arch}]\nNotes: none`],
    ['a link on words under a PR/FAQ heading (wiki)', `h2. PR/FAQ\n[Faster re-ordering|${arch}]\nh2. Scope\nMore later.`],
    ['a bare address under an FAQ heading (Markdown typed as text)', `## FAQ\n${arch}`],
  ])('passes %s', (_name, description) => {
    expect(lint(description).epic?.prfaq).toBe(arch);
    expect(lint(description).score).toBe(100);
  });

  const gdoc = 'https://docs.google.com/document/d/1abcDEF/edit';

  it.each([
    ['"Confluence:" under a PR/FAQ heading (Markdown typed as text)', `## PR/FAQ\n\nConfluence: ${arch}`, arch],
    ['"Draft:" under a Press release heading (Markdown typed as text)', `## Press release\n\nDraft: ${gdoc}`, gdoc],
    ['"Link:" under a PR/FAQ heading (plain text)', `PR/FAQ\n\nLink: ${arch}`, arch],
    ['"Doc:" under a PR/FAQ heading (wiki)', `h2. PR/FAQ\nDoc: [Faster re-ordering|${arch}]`, arch],
    ['"Google Doc:" under a PR/FAQ heading (ADF)', doc(heading('PR/FAQ'), para(text('Google Doc: '), link('Faster re-ordering', gdoc))), gdoc],
    ['"Doc:" after an "Owner:" line under a PR/FAQ heading (ADF)', doc(heading('PR/FAQ'), para(text('Owner: Maria')), para(text('Doc: '), link('Faster re-ordering', arch))), arch],
    ['"Entwurf 2:" under a Pressemitteilung heading (German, wiki)', `h2. Pressemitteilung\n*Entwurf 2:* [Schneller nachbestellen|${gdoc}]`, gdoc],
  ])('passes a link labelled as the PR/FAQ\'s own: %s', (_name, description, prfaq) => {
    const report = lint(description);
    expect(report.epic).toEqual({ persona: null, metric: null, missing: [], prfaq });
    expect(report.findings).toEqual([]);
    expect(report.score).toBe(100);
  });

  it.each([
    ['a card after a "PR/FAQ: TBD" paragraph (ADF)', doc(para(text('PR/FAQ: TBD')), card(arch))],
    ['an inline card on a "PR/FAQ: TBD – Maria writes it" line (ADF)', doc(para(text('PR/FAQ: TBD – Maria writes it '), { type: 'inlineCard', attrs: { url: arch } }))],
    ['an "Owner:" line linking a Confluence profile under a PR/FAQ heading (ADF)', doc(heading('PR/FAQ'), para(text('Owner: '), link('Maria', 'https://acme.atlassian.net/wiki/people/5b10ac8d82e05b22cc7d4ef5')))],
    ['an "Architecture doc:" line under an FAQ heading (Markdown typed as text)', `## FAQ\n\nArchitecture doc: ${arch}`],
    ['a "Tech spec:" line under a PR/FAQ heading (wiki)', `h2. PR/FAQ\nTech spec: [the spec|${arch}]`],
  ])('does not pass %s', (_name, description) => {
    const report = lint(description);
    expect(report.epic?.prfaq).toBeNull();
    expect(report.score).toBe(0);
  });

  it('needs the press release and the FAQ sections each to say something', () => {
    expect(lint(doc(heading('Press release'), para(text('Nurses get home on time.')), heading('FAQ'), heading('Scope'), para(text('Wards 1-4.')))).epic?.prfaq).toBeNull();
    expect(lint('Press release: TBD\nFAQ: TBD').epic?.prfaq).toBeNull();
    expect(lint('Press release: Nurses get home on time.\nFAQ: Can I change the quantities? Yes.').epic?.prfaq).toBe('description');
  });
});

function pick<T extends object, K extends keyof T>(o: T, key: K): Partial<Pick<T, K>> {
  return key in o ? ({ [key]: o[key] } as Pick<T, K>) : {};
}
