import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { detectDomain, personaExample } from '../../../src/core/hints/index.js';

const persona = (text: string): string => personaExample(detectDomain(text, DEFAULT_CONFIG.domains), { text });

describe('personaExample', () => {
  it.each([
    ['a nurse\'s shift plan', 'As a user, I want to see the shift plan of my ward.', 'night-shift nurse on a ward'],
    ['a GP practice', 'As a user, I want to see which patients the GP sees today.', 'GP seeing 30 patients a day'],
    ['a tax adviser\'s export', 'Als Nutzer möchte ich die Steuererklärung meiner Mandanten exportieren.', 'tax adviser preparing year-end returns for 40 clients'],
    ['an internal admin tool', 'Como usuario del backoffice, quiero ver el almacén.', 'support agent handling 60 tickets a day'],
    ['a warehouse tool', 'As a user of the warehouse tool, I want to scan a pallet.', 'warehouse picker with a handheld scanner'],
    ['a B2B dashboard', "En tant qu'utilisateur, je veux un tableau de bord de mon espace de travail.", 'workspace admin at a 50-person agency'],
    ['a shop', 'Als Kunde möchte ich meinen Warenkorb speichern.', 'first-time shopper on mobile'],
    ['nothing clear', 'As a user, I want to rename a file.', 'first-time visitor on a phone'],
  ])('proposes a persona of the domain for %s', (_label, text, expected) => {
    expect(persona(text)).toBe(expected);
  });

  it('proposes the domain\'s first persona without the ticket\'s text', () => {
    expect(personaExample({ id: 'health', ...DEFAULT_CONFIG.domains.health! })).toBe('night-shift nurse on a ward');
  });

  it('a domain that lists no personas borrows the generic ones', () => {
    expect(personaExample({ id: 'empty', keywords: {}, personas: [], metrics: [] }, { text: 'anything' })).toBe('first-time visitor on a phone');
  });

  it('never proposes a shopper outside commerce', () => {
    for (const [id, definition] of Object.entries(DEFAULT_CONFIG.domains)) {
      if (id === 'commerce') continue;
      for (const p of definition.personas) expect(p).not.toMatch(/shopper|customer|buyer/);
    }
  });
});
