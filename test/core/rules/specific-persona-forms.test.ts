import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { isGenericRole } from '../../../src/core/rules/specific-persona.js';
import { parseStory } from '../../../src/core/story/parse-story.js';
import { finding } from '../../helpers/lint.js';

/** A story in each language around a role, as a ticket would write it. */
const STORY = {
  en: (role: string) => `As a ${role}, I want to pay with my saved card so that I finish faster.`,
  de: (role: string) => `Als ${role} möchte ich mit meiner gespeicherten Karte bezahlen, damit ich schneller fertig bin.`,
  es: (role: string) => `Como ${role}, quiero pagar con mi tarjeta guardada para terminar antes.`,
  fr: (role: string) => `En tant que ${role}, je veux payer avec ma carte enregistrée afin de finir plus vite.`,
  it: (role: string) => `Come ${role}, voglio pagare con la carta salvata per finire prima.`,
  nl: (role: string) => `Als ${role} wil ik met mijn opgeslagen kaart betalen zodat ik sneller klaar ben.`,
  pt: (role: string) => `Como ${role}, quero pagar com o cartão salvo para terminar mais rápido.`,
} as const;
type Lang = keyof typeof STORY;

const compiled = compile(DEFAULT_CONFIG);
const roleOf = (text: string): string | undefined => parseStory([text], compiled)?.role;
const message = (lang: Lang, role: string): string | undefined => finding('specific-persona', STORY[lang](role))?.message;

describe('specific-persona: a generic noun behind vague or state qualifiers is generic, in either order', () => {
  it.each<[Lang, string]>([
    ['en', 'registered user'], ['en', 'logged-in user'], ['en', 'end user'], ['en', 'signed-in customer'], ['en', 'user of the app'],
    ['de', 'registrierter Nutzer'], ['de', 'registrierte Nutzerin'], ['de', 'angemeldeter Benutzer'], ['de', 'eingeloggte Kundin'], ['de', 'Endkunde'],
    ['es', 'usuario registrado'], ['es', 'usuaria registrada'], ['es', 'cliente habitual'], ['es', 'usuario final de la aplicación'],
    ['fr', 'utilisateur connecté'], ['fr', 'utilisatrice connectée'], ['fr', 'utilisateur lambda'], ['fr', 'cliente inscrite'],
    ['it', 'utente registrato'], ['it', 'utente loggato'], ['it', 'utente finale'], ['it', 'cliente abituale'],
    ['nl', 'geregistreerde gebruiker'], ['nl', 'ingelogde gebruiker'], ['nl', 'eindgebruiker'], ['nl', 'vaste klant'],
    ['pt', 'usuário cadastrado'], ['pt', 'usuária logada'], ['pt', 'utilizador registado'], ['pt', 'cliente final'],
  ])('%s: "%s" is generic, quoted as written', (lang, role) => {
    expect(message(lang, role)).toBe(`"${role}" is a generic role, not a persona.`);
  });

  it.each<[Lang, string]>([
    ['en', 'users'], ['en', 'customers'],
    ['de', 'Kundin'], ['de', 'Kunden'], ['de', 'Nutzerinnen'], ['de', 'Besucherin'], ['de', 'Mitglieder'],
    ['es', 'usuaria'], ['es', 'usuarios'], ['es', 'clienta'], ['es', 'usuarias registradas'],
    ['fr', 'utilisatrice'], ['fr', 'utilisateurs'], ['fr', 'clientes'], ['fr', 'utilisatrices connectées'],
    ['it', 'utenti'], ['it', 'utenti registrati'], ['it', 'clienti'],
    ['nl', 'gebruikers'], ['nl', 'klanten'], ['nl', 'gebruikster'],
    ['pt', 'usuárias'], ['pt', 'usuários cadastrados'], ['pt', 'clientes'], ['pt', 'utilizadora'],
  ])('%s: the feminine or plural "%s" is the same generic noun', (lang, role) => {
    expect(message(lang, role)).toBe(`"${role}" is a generic role, not a persona.`);
  });
});

describe('specific-persona: gender-inclusive forms are the same generic nouns', () => {
  /** [language, role as written, role as the story parser hands it over]. */
  it.each<[Lang, string, string]>([
    ['de', 'Kund:in', 'kund:in'],
    ['de', 'Nutzer:innen', 'nutzer:innen'],
    ['de', 'KundIn', 'kundin'],
    ['de', 'Kunde/-in', 'kunde/-in'],
    ['de', 'registrierte:r Nutzer:in', 'registrierte:r nutzer:in'],
    ['es', 'usuari@', 'usuari@'],
    ['es', 'usuarix', 'usuarix'],
    ['es', 'usuarie registrade', 'usuarie registrade'],
    ['es', 'usuario/a registrado/a', 'usuario/a registrado/a'],
    ['fr', 'utilisateur·rice', 'utilisateur·rice'],
    ['fr', 'utilisateur(rice)', 'utilisateur(rice)'],
    ['fr', 'utilisateur·rice connecté·e', 'utilisateur·rice connecté·e'],
    ['fr', 'collaborateur·rice', 'collaborateur·rice'],
    ['it', 'utente/a', 'utente/a'],
    ['it', 'utentə registratə', 'utentə registratə'],
    ['nl', 'gebruik(st)er', 'gebruik(st)er'],
    ['pt', 'usuári@', 'usuári@'],
    ['pt', 'usuário(a) cadastrado(a)', 'usuário(a) cadastrado(a)'],
    ['pt', 'utilizador(a)', 'utilizador(a)'],
  ])('%s: "%s" (parsed as "%s") is generic', (lang, written, parsed) => {
    expect(roleOf(STORY[lang](written))).toBe(parsed);
    expect(message(lang, written)).toBe(`"${written}" is a generic role, not a persona.`);
  });

  it.each<[Lang, string, string]>([
    ['de', 'Kund*in', 'kundin'],
    ['de', 'Kund_in', 'kundin'],
    ['de', 'Benutzer*innen', 'benutzerinnen'],
    ['es', 'usuari*s registrad*s', 'usuaris registrads'],
  ])('%s: "%s" reaches the rule without its mark ("%s") and is still quoted as written', (lang, written, parsed) => {
    const text = STORY[lang](written);
    expect(roleOf(text)).toBe(parsed);
    expect(finding('specific-persona', text)).toMatchObject({
      message: `"${written}" is a generic role, not a persona.`,
      hint: expect.stringContaining(`Who exactly is the ${written}?`),
    });
  });
});

describe('specific-persona: a role narrowed to a segment is a persona', () => {
  it.each<[Lang, string]>([
    ['en', 'data user'], ['en', 'night nurse'], ['en', 'registered pharmacist'], ['en', 'logged-in warehouse picker'],
    ['en', 'user on mobile'], ['en', 'user with a screen reader'], ['en', 'walk-in customer'], ['en', 'buyer/approver'],
    ['de', 'Pflegekraft'], ['de', 'Steuerberaterin'], ['de', 'Kunde mit Kreditkarte'], ['de', 'Geschäftskundin'], ['de', 'Lagermitarbeiter'],
    ['es', 'usuaria de banca móvil'], ['es', 'enfermera de noche'], ['es', 'cliente con tarjeta regalo'],
    ['fr', 'utilisatrice de la carte premium'], ['fr', 'administratrice système'], ['fr', 'infirmière de nuit'],
    ['it', 'utente con abbonamento annuale'], ['it', 'farmacista registrato'],
    ['nl', 'gebruiker met een schermlezer'], ['nl', 'verpleegkundige'],
    ['pt', 'usuária do plano empresarial'], ['pt', 'enfermeira do plantão noturno'],
  ])('%s: "%s" passes', (lang, role) => {
    expect(roleOf(STORY[lang](role))).toBeDefined();
    expect(message(lang, role)).toBeUndefined();
  });
});

describe('isGenericRole, word by word', () => {
  const langs = compiled.languages;
  const en = langs.find((l) => l.code === 'en')!;

  it('mixes languages as tickets do: "registrierter User" is generic', () => {
    expect(isGenericRole('registrierter user', langs)).toBe(true);
    expect(isGenericRole('registrierter user', en)).toBe(false);
  });

  it('reads generic roles of several words with their qualifiers and plurals', () => {
    expect(isGenericRole('registered account holders', en)).toBe(true);
    expect(isGenericRole('account manager', en)).toBe(false);
  });

  it('needs a generic noun: qualifiers and link words alone are not a role', () => {
    expect(isGenericRole('registered', langs)).toBe(false);
    expect(isGenericRole('of the app', langs)).toBe(false);
  });

  it('stays cheap on hostile roles, and reads no more than a role\'s worth of words', () => {
    expect(isGenericRole(`${'registered '.repeat(40)}user`, langs)).toBe(false);
    expect(isGenericRole(`${'registered '.repeat(10)}user`, langs)).toBe(true);
    const start = performance.now();
    for (let i = 0; i < 500; i++) {
      isGenericRole(`${'kund:in·'.repeat(18)}x${i}`, langs);
      isGenericRole(`${'registrierte:r '.repeat(9)}Nutzer:in${'e'.repeat(i % 40)}`, langs);
      isGenericRole(`${'aaaaaaaaaa'.repeat(14)}${i}`, langs);
    }
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});
