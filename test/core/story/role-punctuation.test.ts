import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { parseStory, roleAsWritten } from '../../../src/core/story/parse-story.js';

const compiled = compile(DEFAULT_CONFIG);
const role = (text: string) => parseStory([text], compiled)?.role;

describe('a role with punctuation is kept whole', () => {
  it.each([
    ['As a ward clerk (A&E), I want to print wristbands so that patients are identified.', 'ward clerk (a&e)'],
    ['As a ward clerk (A&E) I want to print wristbands so that patients are identified.', 'ward clerk (a&e)'],
    ['Als Stationssekretärin (Notaufnahme) möchte ich Armbänder drucken, damit Patienten erkannt werden.', 'stationssekretärin (notaufnahme)'],
    ['Como administrativa (urgencias), quiero imprimir pulseras para identificar pacientes.', 'administrativa (urgencias)'],
    ["En tant que secrétaire (urgences), je veux imprimer des bracelets afin d'identifier les patients.", 'secrétaire (urgences)'],
    ['Come impiegata (pronto soccorso), voglio stampare i braccialetti per identificare i pazienti.', 'impiegata (pronto soccorso)'],
    ['Als baliemedewerker (SEH) wil ik polsbandjes printen zodat patiënten herkend worden.', 'baliemedewerker (seh)'],
    ['Como recepcionista (PS), quero imprimir pulseiras para identificar pacientes.', 'recepcionista (ps)'],
  ])('%s', (text, expected) => {
    expect(role(text)).toBe(expected);
  });
});

describe('a dot inside a role that ends no sentence is kept', () => {
  it.each([
    ['Como responsable de TI (RR. HH.), quiero dar acceso de solo lectura, para que los auditores revisen los expedientes.', 'responsable de ti (rr. hh.)'],
    ['Como tutor de 2.º de ESO, quiero ver los exámenes en un calendario, para no poner dos el mismo día.', 'tutor de 2.º de eso'],
    ["En tant qu'utilisateur.rice connecté.e, je veux exporter mes factures afin de les archiver.", 'utilisateur.rice connecté.e'],
    ['Als Mitarbeiter der Abt. IT möchte ich Zugänge sperren, damit keine Daten abfließen.', 'mitarbeiter der abt. it'],
    ['Come docente di 3ª media, voglio vedere le verifiche in un calendario, per non sovrapporle.', 'docente di 3ª media'],
  ])('%s', (text, expected) => {
    expect(role(text)).toBe(expected);
  });

  it('a dot that ends a sentence still ends the role, after a short word too', () => {
    expect(role('As a user. I want to pay later so that I can budget.')).toBeUndefined();
    expect(role('As a user I cannot log in via SSO. I want to see an error so that I know what to do.')).toBeUndefined();
    expect(role('As a user I cannot open the app. I want to see why so that I can fix it.')).toBeUndefined();
  });

  it('a generic role before a comma is no name ("Als Admin, ein Mitglied…")', () => {
    expect(parseStory(['Als Admin, ein Mitglied des IT-Teams, möchte ich Zugänge sperren, damit keine Daten abfließen.'], compiled)).toMatchObject({ role: 'admin' });
  });
});

describe('a name with an appositive gives the appositive as the role', () => {
  it.each([
    ['As Maria, a gift buyer, I want to wrap my order so that it arrives as a present.', 'gift buyer'],
    ['As Tom Lee, the night pharmacist, I want to see open orders so that none wait till morning.', 'night pharmacist'],
    ['Como María, una compradora de regalos, quiero envolver mi pedido para sorprender a mi madre.', 'compradora de regalos'],
    ["En tant que Marie, une acheteuse de cadeaux, je veux emballer ma commande afin de l'offrir.", 'acheteuse de cadeaux'],
    ['Come Giulia, una farmacista di turno, voglio vedere gli ordini aperti per evaderli.', 'farmacista di turno'],
    ['Als Maria, een cadeaukoper, wil ik mijn bestelling inpakken zodat het een verrassing is.', 'cadeaukoper'],
    ['Como Ana, uma compradora de presentes, quero embrulhar meu pedido para surpreender minha mãe.', 'compradora de presentes'],
    ['Als Maria, eine Geschenkkäuferin, möchte ich meine Bestellung verpacken lassen, damit sie überrascht.', 'geschenkkäuferin'],
  ])('%s', (text, expected) => {
    expect(role(text)).toBe(expected);
  });

  it('keeps the name for display, and gives none for a role without one', () => {
    expect(parseStory(['As Maria, a gift buyer, I want to wrap my order so that it arrives as a present.'], compiled)).toMatchObject({ role: 'gift buyer', name: 'Maria' });
    expect(parseStory(['Als Pflegekraft, die nachts arbeitet, möchte ich meinen Dienstplan sehen, damit ich planen kann.'], compiled)).not.toHaveProperty('name');
    expect(parseStory(['As a gift buyer, I want to wrap my order so that it arrives as a present.'], compiled)).not.toHaveProperty('name');
  });

  it('reads a qualifier after a role, not a name, as before', () => {
    expect(role('As Maria, a gift buyer, I want to wrap my order so that it arrives as a present.')).toBe('gift buyer');
    expect(role('As a nurse, on nights, I want to see my ward so that I can plan.')).toBe('nurse');
  });

  it('reads a relative clause after a German role as a qualifier, not an appositive', () => {
    expect(role('Als Pflegekraft, die nachts arbeitet, möchte ich meinen Dienstplan sehen, damit ich planen kann.')).toBe('pflegekraft');
    expect(role('Als Maria, die Einkäuferin, möchte ich Bestellungen bündeln, damit ich Porto spare.')).toBe('einkäuferin');
  });
});

describe('hints quote the role as the ticket writes it', () => {
  it('keeps the capital of a German noun, and not the capitals of a shouted role', () => {
    expect(roleAsWritten('registrierter nutzer', 'Als registrierter Nutzer möchte ich …')).toBe('registrierter Nutzer');
    expect(roleAsWritten('nurse', 'AS A NURSE, I WANT …')).toBe('nurse');
  });
});
