import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { finding } from '../../helpers/lint.js';

const story = (role: string) => `As a ${role}, I want to reorder my last basket so that I save time.`;

describe('specific-persona', () => {
  it.each(['first-time shopper', 'night nurse', 'data user', 'site member who read the teaser'])('passes for "%s"', (role) => {
    expect(finding('specific-persona', story(role))).toBeUndefined();
  });

  it.each(['user', 'customer', 'registered user', 'end user', 'regular customer', 'admin', 'people'])('warns for "%s"', (role) => {
    expect(finding('specific-persona', story(role))).toMatchObject({ severity: 'warn', message: `"${role}" is a generic role, not a persona.` });
  });

  it('asks who exactly when no persona catalogue is configured, with an example from the ticket\'s domain', () => {
    expect(finding('specific-persona', 'As a user, I want to change my avatar so that my profile looks like me.')?.hint).toBe('Who exactly is the user? Say it, e.g. "As a first-time visitor on a phone, …".');
    expect(finding('specific-persona', 'As a user, I want to swap a night shift on the ward rota so that I can plan my week.')?.hint).toBe('Who exactly is the user? Say it, e.g. "As a night-shift nurse on a ward, …".');
    expect(finding('specific-persona', 'As a user, I want to keep my basket at checkout so that I can pay later.')?.hint).toBe('Who exactly is the user? Say it, e.g. "As a first-time shopper on mobile, …".');
  });

  it('suggests the closest persona from the catalogue', () => {
    const config = {
      ...DEFAULT_CONFIG,
      personas: [
        { name: 'Bargain hunter', description: 'compares prices before buying', aliases: [] },
        { name: 'Weekly shopper', description: 'reorders the same basket every week', aliases: ['regular'] },
      ],
    };
    expect(finding('specific-persona', story('customer'), {}, config)?.hint).toBe(
      'Name the persona: "As a weekly shopper, …" (reorders the same basket every week).',
    );
  });

  it('knows the generic roles of other languages', () => {
    expect(finding('specific-persona', 'Als Kunde möchte ich bezahlen, damit ich fertig bin.')?.message).toBe('"Kunde" is a generic role, not a persona.');
    expect(finding('specific-persona', 'Como usuario quiero pagar para terminar.')?.message).toBe('"usuario" is a generic role, not a persona.');
  });

  it('quotes the role as the ticket writes it: German nouns keep their capital', () => {
    expect(finding('specific-persona', 'Als registrierter Nutzer möchte ich bezahlen, damit ich fertig bin.')).toMatchObject({
      message: '"registrierter Nutzer" is a generic role, not a persona.',
      hint: expect.stringContaining('Who exactly is the registrierter Nutzer?'),
    });
  });

  it('judges the appositive of a name, not the name: "As Maria, a user" is generic', () => {
    expect(finding('specific-persona', 'As Maria, a user, I want to pay so that I am done.')?.message).toBe('"user" is a generic role, not a persona.');
    expect(finding('specific-persona', 'Como Ana, una usuaria, quiero pagar para terminar.')?.message).toBe('"usuaria" is a generic role, not a persona.');
  });
});

