import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { bullets, doc, heading, para, text } from '../../helpers/issues.js';
import { finding } from '../../helpers/lint.js';

const STORY = 'As a shopper, I want to save my basket so that I pay later.';

describe('acceptance-criteria', () => {
  it.each([
    ['a section with a list', `${STORY}\n\nh3. Acceptance criteria\n* The basket is kept for 30 days`],
    ['a label with text', `${STORY}\n\n*AC:* the basket is kept for 30 days`],
    ['Given/When/Then lines', `${STORY}\n\nGiven a saved basket\nWhen I sign in\nThen I see it`],
    ['one Given/when/then line', `${STORY}\n\nGiven a saved basket, when I sign in, then I see it.`],
    ['German', 'Als Käuferin möchte ich speichern, damit ich zahle.\n\nh3. Akzeptanzkriterien\n* Der Warenkorb bleibt 30 Tage'],
    ['Spanish Given/When/Then', 'Como compradora quiero guardar para pagar.\nDado un carrito\nCuando entro\nEntonces lo veo'],
  ])('passes with %s', (_name, description) => {
    expect(finding('acceptance-criteria', description)).toBeUndefined();
  });

  it('passes when the configured custom field holds criteria', () => {
    const config = { ...DEFAULT_CONFIG, acceptanceCriteriaField: 'customfield_10035' };
    expect(finding('acceptance-criteria', STORY, { customfield_10035: 'Basket kept 30 days' }, config)).toBeUndefined();
  });

  it('fails on an empty heading and names the persona in the hint', () => {
    expect(finding('acceptance-criteria', `${STORY}\n\nh3. Acceptance criteria\nh3. Notes`)).toEqual({
      rule: 'acceptance-criteria',
      severity: 'warn',
      message: 'No acceptance criteria: nothing says when this story is done.',
      hint: 'Add an "Acceptance criteria" section, e.g. "Given <situation>, when the shopper <does something>, then they see <result>".',
      link: 'https://github.com/centric-bot/centric/blob/main/README.md#acceptance-criteria',
    });
  });
});

/** Per language: a story, the criteria heading, a criterion without Given/When/Then, and those three words. */
const LANGS: Record<string, { story: string; heading: string; item: string; gwt: [string, string, string] }> = {
  en: { story: STORY, heading: 'Acceptance criteria', item: 'The basket is kept for 30 days', gwt: ['Given a saved basket', 'When I sign in', 'Then I see it'] },
  de: { story: 'Als Käuferin möchte ich meinen Warenkorb speichern, damit ich später zahle.', heading: 'Akzeptanzkriterien', item: 'Der Warenkorb bleibt 30 Tage', gwt: ['Gegeben ein Warenkorb', 'Wenn ich mich anmelde', 'Dann sehe ich ihn'] },
  es: { story: 'Como compradora quiero guardar mi carrito para que pueda pagar después.', heading: 'Criterios de aceptación', item: 'El carrito se guarda 30 días', gwt: ['Dado un carrito', 'Cuando entro', 'Entonces lo veo'] },
  fr: { story: "En tant qu'acheteuse, je veux garder mon panier afin de payer plus tard.", heading: "Critères d'acceptation", item: 'Le panier est gardé 30 jours', gwt: ['Étant donné un panier', 'Quand je me connecte', 'Alors je le vois'] },
  it: { story: 'Come acquirente voglio salvare il carrello così che possa pagare dopo.', heading: 'Criteri di accettazione', item: 'Il carrello resta 30 giorni', gwt: ['Dato un carrello', 'Quando entro', 'Allora lo vedo'] },
  nl: { story: 'Als koper wil ik mijn mandje bewaren zodat ik later kan betalen.', heading: 'Acceptatiecriteria', item: 'Het mandje blijft 30 dagen', gwt: ['Gegeven een mandje', 'Wanneer ik inlog', 'Dan zie ik het'] },
  pt: { story: 'Como compradora quero salvar meu carrinho para que possa pagar depois.', heading: 'Critérios de aceitação', item: 'O carrinho fica 30 dias', gwt: ['Dado um carrinho', 'Quando entro', 'Então o vejo'] },
};

describe('acceptance-criteria reads a label on any line, as in every format', () => {
  for (const [lang, l] of Object.entries(LANGS)) {
    it(`${lang}: a criteria label straight under the story, with no blank line, in plain text and wiki markup`, () => {
      expect(finding('acceptance-criteria', `${l.story}\n${l.heading}:\n* ${l.item}`)).toBeUndefined();
      expect(finding('acceptance-criteria', `${l.story}\n${l.heading}:\n- ${l.item}`)).toBeUndefined();
      expect(finding('acceptance-criteria', `${l.story}\n*${l.heading}:* ${l.item}`)).toBeUndefined();
      expect(finding('acceptance-criteria', `${l.story}\n${l.heading}:\n${l.item}`)).toBeUndefined();
      // Only a label that opens a line: the words inside a sentence are no section.
      expect(finding('acceptance-criteria', `${l.story} ${l.heading}: ${l.item}`)?.rule).toBe('acceptance-criteria');
      // A label on the last line with nothing after it is an empty section.
      expect(finding('acceptance-criteria', `${l.story}\n${l.heading}:`)?.rule).toBe('acceptance-criteria');
    });

    it(`${lang}: an emoji or status lozenge before the criteria heading, and before Given/When/Then items`, () => {
      const emoji = { type: 'emoji', attrs: { shortName: ':white_check_mark:', text: '✅' } };
      const status = { type: 'status', attrs: { text: 'AGREED' } };
      for (const label of [emoji, status]) {
        const adf = doc(para(text(l.story)), { type: 'heading', attrs: { level: 3 }, content: [label, text(` ${l.heading}`)] }, bullets(l.item));
        expect(finding('acceptance-criteria', adf)).toBeUndefined();
      }
      expect(finding('acceptance-criteria', `${l.story}\n\nh3. (/) ${l.heading}\n* ${l.item}`)).toBeUndefined();
      expect(finding('acceptance-criteria', doc(para(text(l.story)), bullets(...l.gwt.map((g) => `✅ ${g}`))))).toBeUndefined();
      expect(finding('acceptance-criteria', `${l.story}\n\n${l.gwt.map((g) => `* (/) ${g}`).join('\n')}`)).toBeUndefined();
    });
  }
});

describe('acceptance criteria as a numbered or checkbox list: the same in text, wiki and ADF', () => {
  const ordered = (...items: string[]) => ({ type: 'orderedList', content: items.map((i) => ({ type: 'listItem', content: [para(text(i))] })) });
  const tasks = (...items: string[]) => ({ type: 'taskList', attrs: { localId: 't' }, content: items.map((i) => ({ type: 'taskItem', attrs: { localId: i, state: 'TODO' }, content: [text(i)] })) });
  for (const [lang, l] of Object.entries(LANGS)) {
    it(`${lang}: Given/When/Then as "1.", "1)", "#", "- [ ]" items, with or without a label`, () => {
      const gwt = l.gwt;
      for (const description of [
        `${l.story}\n${l.heading}:\n${gwt.map((g, i) => `${i + 1}. ${g}`).join('\n')}`,
        `${l.story}\n${gwt.map((g, i) => `${i + 1}. ${g}`).join('\n')}`,
        `${l.story}\n${gwt.map((g, i) => `${i + 1}) ${g}`).join('\n')}`,
        `${l.story}\n\n${gwt.map((g) => `# ${g}`).join('\n')}`,
        `${l.story}\n${gwt.map((g) => `- [ ] ${g}`).join('\n')}`,
        `${l.story}\n${gwt.map((g) => `[x] ${g}`).join('\n')}`,
        doc(para(text(l.story)), ordered(...gwt)),
        doc(para(text(l.story)), tasks(...gwt)),
      ]) {
        expect(finding('acceptance-criteria', description)).toBeUndefined();
      }
    });

    it(`${lang}: a criteria section of placeholders is no criteria`, () => {
      const slots = `${l.gwt[0]!.split(' ')[0]} ..., ${l.gwt[1]!.split(' ')[0]!.toLowerCase()} ..., ${l.gwt[2]!.split(' ')[0]!.toLowerCase()} ...`;
      for (const description of [
        `${l.story}\n\nh3. ${l.heading}\n* TBD`,
        `${l.story}\n\n${l.heading}:\n- ...`,
        `${l.story}\n\n${l.heading}:\n- …`,
        `${l.story}\n\nh3. ${l.heading}\n* ${slots}`,
        doc(para(text(l.story)), heading(l.heading), bullets('…')),
      ]) {
        expect(finding('acceptance-criteria', description)?.rule).toBe('acceptance-criteria');
      }
      // A paragraph after the empty list is another section, not a criterion.
      expect(finding('acceptance-criteria', `${l.story}\n\n${l.heading}:\n- TBD\n\nDesign: TBD`)?.rule).toBe('acceptance-criteria');
    });
  }
});
