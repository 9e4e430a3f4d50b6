import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { parseStory } from '../../../src/core/story/parse-story.js';

const compiled = compile(DEFAULT_CONFIG);
const parse = (...texts: string[]) => parseStory(texts, compiled);

describe('English story variants', () => {
  it.each([
    ['As a returning customer, I want to save my basket, so that I can pay later.', 'returning customer'],
    ['As an archivist, I want to tag records so that I find them again.', 'archivist'],
    ['As the site editor, I want to add an article, so that the site has content.', 'site editor'],
    ['As Repository Manager, I want to list files so that I can audit them.', 'repository manager'],
    ["As a nurse, I'd like to see my ward so that I can plan.", 'nurse'],
    ['As a nurse, I’d like to see my ward so that I can plan.', 'nurse'],
    ['As a nurse, I would like to see my ward in order to plan.', 'nurse'],
    ['As a nurse I need to see my ward so I can plan.', 'nurse'],
    ['As a nurse, I can see my ward, so I plan my rounds.', 'nurse'],
    ['As a nurse, I should be able to see my ward so that I can plan.', 'nurse'],
    ['As a nurse, I wish to see my ward so that I can plan.', 'nurse'],
    ['AS A NURSE, I WANT TO SEE MY WARD SO THAT I CAN PLAN.', 'nurse'],
    ['**As a** night nurse, **I want** to see my ward, **so that** I can plan.', 'night nurse'],
    ['_As a_ night nurse, _I want_ to see my ward, _so that_ I can plan.', 'night nurse'],
  ])('%s', (story, role) => {
    const parsed = parse(story);
    expect(parsed?.role).toBe(role);
    expect(parsed?.benefit).toBeTruthy();
    expect(parsed?.language).toBe('en');
  });

  it('reads a story split over lines', () => {
    expect(parse('As a returning customer\nI want to save my basket\nso that I can pay on my phone')).toEqual({
      kind: 'user',
      role: 'returning customer',
      goal: 'save my basket',
      benefit: 'I can pay on my phone',
      language: 'en',
    });
  });

  it('reads a bullet template with colons', () => {
    expect(parse('As a: night nurse\nI want: to see my ward at a glance\nSo that: I can plan my rounds')).toEqual({
      kind: 'user',
      role: 'night nurse',
      goal: 'see my ward at a glance',
      benefit: 'I can plan my rounds',
      language: 'en',
    });
  });

  it('finds the story in the description when the summary is a title', () => {
    expect(parse('Save basket', 'Context first.\nAs a shopper, I want to save my basket so that I can pay later.')?.role).toBe('shopper');
  });

  it('keeps a story without a benefit, with a null benefit', () => {
    expect(parse('As a user, I want to log in.')).toEqual({ kind: 'user', role: 'user', goal: 'log in', benefit: null, language: 'en' });
  });
});

describe('phrases that are not roles', () => {
  it.each([
    'As discussed, I want this shipped so that we are done.',
    'As soon as possible I want this fixed so that it works.',
    'As a result, I want the cache cleared so that pages load.',
    'As per the spec, I want two columns so that it fits.',
    'As mentioned, I need the logs so that I can debug.',
    'As of today, I want daily exports so that reports run.',
    'As well as exports, I want imports so that data flows.',
    'As far as I know, I can delete it so that it is gone.',
    'As long as it works, I want it so that we ship.',
    'As usual, I want a release note so that support knows.',
    'As expected, I need nothing so that nothing changes.',
  ])('%s', (text) => {
    expect(parse(text)).toBeNull();
  });
});

describe('other languages', () => {
  it.each([
    ['de', 'Als Stammkundin möchte ich meinen Warenkorb speichern, damit ich später bezahle.', 'stammkundin', 'ich später bezahle'],
    ['de', 'Als eine Pflegerin will ich meine Station sehen, um meine Runde zu planen.', 'pflegerin', 'meine Runde zu planen'],
    ['es', 'Como cliente habitual quiero guardar mi cesta para terminar la compra en el móvil.', 'cliente habitual', 'terminar la compra en el móvil'],
    ['es', 'Como una enfermera, quiero ver mi planta para que pueda planificar.', 'enfermera', 'pueda planificar'],
    ['it', 'Come cliente abituale voglio salvare il carrello per completare l’acquisto dal telefono.', 'cliente abituale', "completare l'acquisto dal telefono"],
    ['it', 'Come un’infermiera voglio vedere il reparto così che posso pianificare.', 'infermiera', 'posso pianificare'],
    ['fr', "En tant qu'acheteuse régulière, je veux enregistrer mon panier afin de payer plus tard.", 'acheteuse régulière', 'payer plus tard'],
    ['fr', 'En tant que infirmière, je souhaite voir mon service pour planifier ma tournée.', 'infirmière', 'planifier ma tournée'],
    ['nl', 'Als terugkerende klant wil ik mijn mandje bewaren zodat ik later kan betalen.', 'terugkerende klant', 'ik later kan betalen'],
    ['nl', 'Als een verpleegkundige wil ik mijn afdeling zien om mijn ronde te plannen.', 'verpleegkundige', 'mijn ronde te plannen'],
    ['pt', 'Como cliente recorrente, eu quero salvar meu carrinho para que eu possa pagar depois.', 'cliente recorrente', 'eu possa pagar depois'],
    ['pt', 'Como uma enfermeira quero ver minha ala para planejar a ronda.', 'enfermeira', 'planejar a ronda'],
  ])('%s: %s', (language, text, role, benefit) => {
    expect(parse(text)).toMatchObject({ language, role, benefit });
  });
});
