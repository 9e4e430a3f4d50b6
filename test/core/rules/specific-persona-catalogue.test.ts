import { describe, expect, it } from 'vitest';
import { compile } from '../../../src/core/compile.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { closestPersona } from '../../../src/core/rules/specific-persona.js';
import { finding } from '../../helpers/lint.js';

const NIGHT_NURSE = { name: 'Night nurse', description: 'works night shifts on a hospital ward', aliases: ['carer'] };
const WEEKLY_SHOPPER = { name: 'Weekly shopper', description: 'reorders the same basket every week', aliases: ['regular'] };
const BARGAIN_HUNTER = { name: 'Bargain hunter', description: 'compares prices and waits for discounts before buying', aliases: [] };
const TAX_ADVISER = { name: 'Tax adviser', description: 'prepares annual tax returns for small businesses', aliases: [] };
const config = { ...DEFAULT_CONFIG, personas: [BARGAIN_HUNTER, WEEKLY_SHOPPER, NIGHT_NURSE, TAX_ADVISER] };

const HINT = {
  nurse: 'Name the persona: "As a night nurse, …" (works night shifts on a hospital ward).',
  shopper: 'Name the persona: "As a weekly shopper, …" (reorders the same basket every week).',
  hunter: 'Name the persona: "As a bargain hunter, …" (compares prices and waits for discounts before buying).',
  adviser: 'Name the persona: "As a tax adviser, …" (prepares annual tax returns for small businesses).',
};

const hintFor = (summary: string, description: string, personas = config): string | undefined =>
  finding('specific-persona', description, { summary }, personas)?.hint;

describe('specific-persona: the closest catalogue persona, by the meaning of the words', () => {
  it.each([
    ['en', 'Night shift rota for the ward', 'As a user, I want to see the rota a month ahead so that I can plan my week.'],
    ['de', 'Dienstplan', 'Als Nutzerin möchte ich den Dienstplan einen Monat im Voraus sehen, damit ich planen kann.'],
    ['es', 'Cuadrante de turnos', 'Como usuaria quiero ver mis turnos de noche con un mes de antelación para organizarme.'],
    ['fr', 'Planning des gardes', "En tant qu'utilisatrice, je veux voir mes gardes de nuit un mois à l'avance afin de m'organiser."],
    ['it', 'Turni di notte in reparto', 'Come utente voglio vedere i turni di notte del reparto per organizzarmi.'],
    ['nl', 'Dienstrooster', 'Als gebruiker wil ik mijn nachtdiensten een maand vooruit zien zodat ik kan plannen.'],
    ['pt', 'Escala de plantão', 'Como usuária quero ver a escala de plantões noturnos para me organizar.'],
  ])('%s: a ticket about shift rotas proposes the night nurse ("%s")', (_lang, summary, description) => {
    expect(hintFor(summary, description)).toBe(HINT.nurse);
  });

  it.each([
    ['en', 'Reorder', 'As a customer, I want to reorder my last basket so that I save time.', HINT.shopper],
    ['de', 'Warenkorb erneut bestellen', 'Als Kundin möchte ich meinen letzten Warenkorb erneut bestellen, damit ich Zeit spare.', HINT.shopper],
    ['es', 'Repetir pedido', 'Como cliente quiero repetir mi último pedido con la misma cesta para ahorrar tiempo.', HINT.shopper],
    ['de', 'Preisvergleich', 'Als Kunde möchte ich Preise vergleichen und Rabatte sehen, damit ich günstiger kaufe.', HINT.hunter],
    ['fr', 'Comparer les prix', "En tant que client, je veux comparer les prix et voir les promotions afin d'acheter moins cher.", HINT.hunter],
    ['it', 'Offerte', 'Come cliente voglio vedere gli sconti e confrontare i prezzi per acquistare meglio.', HINT.hunter],
    ['de', 'Umsatzsteuer', 'Als Nutzer möchte ich die Umsatzsteuer-Voranmeldung exportieren, damit meine Mandanten sie prüfen.', HINT.adviser],
    ['nl', 'Btw-aangifte', 'Als gebruiker wil ik de btw-aangifte exporteren zodat ik de belasting voor kleine bedrijven sneller indien.', HINT.adviser],
    ['pt', 'Impostos', 'Como usuário quero exportar os impostos anuais das empresas para entregar a declaração no prazo.', HINT.adviser],
  ])('%s: "%s" proposes the persona it is about', (_lang, summary, description, hint) => {
    expect(hintFor(summary, description)).toBe(hint);
  });

  it.each([
    ['Avatar', 'As a user, I want to change my avatar so that my profile looks like me.', 'user'],
    ['Checkout', 'As a user, I want to see the price before I pay so that I am not surprised.', 'user'],
    ['Charging', 'As a user, I want to find a charging station so that I can charge my car.', 'user'],
    ['Notifications', 'As a user, I want to turn on notifications so that I do not miss news.', 'user'],
    ['Ladestation', 'Als Nutzer möchte ich eine Ladestation finden, damit ich laden kann.', 'Nutzer'],
    ['Modo oscuro', 'Como usuario quiero activar el modo oscuro para leer mejor.', 'usuario'],
  ])('proposes no persona when none shares a meaning: "%s"', (summary, description, role) => {
    // No catalogue persona: the "who exactly?" hint, with an example from the ticket's domain.
    const hint = hintFor(summary, description);
    expect(hint).toMatch(new RegExp(`^Who exactly is the ${role}\\? Say it, e\\.g\\. "As an? [^"]+, …"\\.$`));
    expect(hint).not.toMatch(/Night nurse|Tax adviser|Bargain hunter|night-shift nurse/i);
  });

  it('reads a catalogue written in another language than the ticket', () => {
    const german = { ...DEFAULT_CONFIG, personas: [{ name: 'Nachtpflege', description: 'arbeitet im Nachtdienst auf der Krankenstation', aliases: [] }, TAX_ADVISER] };
    expect(hintFor('Night shift rota for the ward', 'As a user, I want to see the rota a month ahead so that I can plan.', german)).toBe(
      'Name the persona: "As a nachtpflege, …" (arbeitet im Nachtdienst auf der Krankenstation).',
    );
  });
});

describe('closestPersona', () => {
  const languages = compile(DEFAULT_CONFIG).languages;

  it('counts a word of the persona\'s name or aliases more than one of its description', () => {
    const catalogue = [{ name: 'Ward clerk', description: 'books night beds', aliases: [] }, NIGHT_NURSE];
    expect(closestPersona(catalogue, { focus: 'a carer books a bed' }, languages)?.name).toBe('Night nurse');
  });

  it('gives a tie to the earlier persona and nothing to an empty catalogue', () => {
    const twins = [{ ...NIGHT_NURSE, name: 'Night nurse A' }, { ...NIGHT_NURSE, name: 'Night nurse B' }];
    expect(closestPersona(twins, { summary: 'Night ward rota', focus: '' }, languages)?.name).toBe('Night nurse A');
    expect(closestPersona([], 'night ward rota', languages)).toBeNull();
  });

  it('reads the story\'s own language by its endings and other languages only as listed', () => {
    // "turn" is "turno" less its Spanish ending: an English ticket does not read it so.
    expect(closestPersona([NIGHT_NURSE], { summary: 'Turn', focus: 'turn on alerts', language: 'en' }, languages)).toBeNull();
    expect(closestPersona([NIGHT_NURSE], { summary: 'Turnos', focus: 'ver turnos', language: 'es' }, languages)?.name).toBe('Night nurse');
  });

  it('stays bounded on a long ticket and a large catalogue', () => {
    const catalogue = Array.from({ length: 50 }, (_, i) => ({ ...NIGHT_NURSE, name: `Persona ${i}` }));
    const rest = 'Krankenhausinformationssystemumstellung '.repeat(5_000);
    const start = performance.now();
    for (let i = 0; i < 20; i++) closestPersona(catalogue, { summary: 'Dienstplan', focus: 'plan', rest, language: 'de' }, languages);
    expect(performance.now() - start).toBeLessThan(1_000);
  });
});
