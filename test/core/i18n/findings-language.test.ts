/**
 * The findings speak the ticket's language: its story's, unless the project's `language:` says
 * otherwise, or the caller asks for one (`centric lint --lang`). English stays as it always was.
 */
import { describe, expect, it } from 'vitest';
import type { CentricConfig } from '../../../src/core/config-types.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { findingsText, listOf } from '../../../src/core/i18n/messages/findings/index.js';
import { lintIssue } from '../../../src/core/lint.js';
import type { JiraIssue } from '../../../src/core/ticket/normalise.js';
import type { Finding } from '../../../src/core/types.js';

const issue = (description: string, summary = 'Warenkorb', attachment: JiraIssue['fields']['attachment'] = []): JiraIssue => ({
  key: 'SHOP-1',
  fields: { summary, description, issuetype: { name: 'Story' }, project: { key: 'SHOP' }, attachment, labels: [] },
});

const inProject = (language: CentricConfig['projects'][string]['language']): CentricConfig => ({ ...DEFAULT_CONFIG, projects: { SHOP: { language } } });

const said = (findings: Finding[] | undefined) => Object.fromEntries((findings ?? []).map((f) => [f.rule, [f.message, f.hint]]));

const GERMAN = 'Als Kunde möchte ich meine Bestellung speichern und teilen.';
const PDF = [{ filename: 'notizen.pdf', mimeType: 'application/pdf' }];

describe('a German ticket', () => {
  it('gets every finding in German, word for word', () => {
    const report = lintIssue(issue(GERMAN, 'Warenkorb', PDF), DEFAULT_CONFIG);
    expect(said(report.findings)).toEqual({
      'customer-value': [
        'Die Story sagt, wer (Kunde) und was, aber nicht, warum: Es fehlt der Nutzen „damit …“.',
        'Ergänze nach „meine Bestellung speichern und teilen“: „, damit <was man als Kunde dann tun kann oder worüber man sich keine Sorgen mehr machen muss>“.',
      ],
      'specific-persona': [
        '„Kunde“ ist eine allgemeine Rolle, keine Persona.',
        // The example persona is the built-in domain catalogue's (centric.yml `domains`), as written there.
        'Wer genau ist mit „Kunde“ gemeint? Sag es konkret, z. B. „Als Erstkäuferin am Handy …“.',
      ],
      'customer-metric': [
        'Keine Kundenkennzahl: Nichts sagt, woran wir merken, dass es sich für die Rolle „Kunde“ gelohnt hat.',
        // The example metric too is the domain catalogue's.
        'Ergänze eine Erfolgszeile mit einer Kundenkennzahl und einem Ziel, z. B. „Erfolg: Checkout-Conversion +3 % innerhalb von 6 Wochen nach dem Release“.',
      ],
      'visual-evidence': [
        'Nichts zeigt, was die Kundschaft sehen wird: kein Screenshot, kein Wireframe, kein Design-Link und keine Aufzeichnung (notizen.pdf zeigt das nicht).',
        'Häng einen Screenshot oder ein Wireframe an, oder verlinke das Design (Figma, Miro, Sketch…) oder eine Bildschirmaufnahme (Loom) des Ablaufs.',
      ],
      'customer-evidence': [
        'Nichts zeigt, woher der Bedarf kommt: kein Support-Ticket, kein Interview, keine Umfrage und kein Analytics-Link.',
        'Wo haben wir davon gehört? Verlinke die Support-Tickets, Interviewnotizen oder Analysen, die zeigen, dass man das als Kunde braucht.',
      ],
      'acceptance-criteria': [
        'Keine Akzeptanzkriterien: Nichts sagt, wann diese Story fertig ist.',
        'Ergänze einen Abschnitt „Akzeptanzkriterien“, z. B. „Gegeben <Situation>, wenn ich als Kunde <etwas tue>, dann sehe ich <Ergebnis>“.',
      ],
      'single-goal': [
        'Die Story will 2 Dinge auf einmal: „meine Bestellung speichern“, „teilen“.',
        'Teil sie in ein Ticket pro Ziel auf („meine Bestellung speichern“, „teilen“), jedes mit seinem eigenen „damit“.',
      ],
    });
  });

  it('in German, a benefit for the business asks what the customer gets, and names the German label', () => {
    const report = lintIssue(issue('Als Kundin möchte ich Produkte vergleichen, damit wir mehr Umsatz machen.'), DEFAULT_CONFIG);
    expect(said(report.findings)['customer-benefit']).toEqual([
      'Dieser Nutzen liegt beim Unternehmen. Was hat man als Kundin davon?',
      'Sag, was „Produkte vergleichen“ einem als Kundin bringt: gesparte Zeit, eine Sorge weniger, eine erledigte Aufgabe („damit ich …, und wir …“ behält den Nutzen fürs Unternehmen im Blick), oder ergänze eine Zeile „Kundennutzen:“.',
    ]);
  });

  it('with `language: en` in its project, gets English findings', () => {
    const report = lintIssue(issue(GERMAN), inProject('en'));
    expect(said(report.findings)['specific-persona']?.[0]).toBe('"Kunde" is a generic role, not a persona.');
    expect(said(report.findings)['customer-value']?.[0]).toBe('The story says who (Kunde) and what, but not why: no "so that …" benefit.');
  });

  it('in the language asked for, whatever its own or its project’s', () => {
    const report = lintIssue(issue(GERMAN), inProject('es'), { locale: 'fr' });
    expect(said(report.findings)['specific-persona']?.[0]).toBe('«\u00a0Kunde\u00a0» est un rôle générique, pas une persona.');
  });
});

describe('the project’s language and the ticket’s', () => {
  it('an English story in a project with `language: de` gets German findings', () => {
    const report = lintIssue(issue('As a user, I want to save my basket.'), inProject('de'));
    expect(said(report.findings)['specific-persona']?.[0]).toBe('„user“ ist eine allgemeine Rolle, keine Persona.');
  });

  it('a ticket without a story is written in its project’s language, else in English', () => {
    const noStory = issue('Export CSV', 'Export');
    expect(said(lintIssue(noStory, inProject('nl')).findings)['story-format']).toEqual([
      'Geen user story gevonden: het ticket zegt niet voor wie het is en wat die persoon wil.',
      'Begin de beschrijving met ‘Als <wie precies> wil ik <wat>, zodat <waarom het voor die persoon telt>’: wie heeft ‘Export’ nodig, en waarom?',
    ]);
    expect(said(lintIssue(noStory, DEFAULT_CONFIG).findings)['story-format']?.[0]).toBe('No user story found: the ticket does not say who it is for and what they want.');
  });

  it('"customer", when no story names the role, is said in the findings’ language', () => {
    const metric = said(lintIssue(issue('Export CSV', 'Export'), inProject('es')).findings)['customer-metric']?.[0];
    expect(metric).toBe('No hay métrica de cliente: nada dice cómo sabremos que esto funcionó para quien es cliente.');
  });
});

describe('a Spanish and a French ticket', () => {
  it('Spanish: the findings in Spanish, the ticket’s words in «»', () => {
    const findings = said(lintIssue(issue('Como usuario quiero guardar mi carrito.'), DEFAULT_CONFIG).findings);
    expect(findings['customer-value']?.[0]).toBe('La historia dice quién (usuario) y qué, pero no por qué: falta el beneficio «para que…».');
    expect(findings['specific-persona']?.[0]).toBe('«usuario» es un rol genérico, no una persona concreta.');
    expect(findings['acceptance-criteria']?.[1]).toBe('Añade una sección «Criterios de aceptación», p. ej. «Dado <situación>, cuando como usuario <hago algo>, entonces veo <resultado>».');
  });

  it('French: no-break spaces before the colon and inside « », "qu’" before a vowel', () => {
    const findings = said(lintIssue(issue("En tant qu'utilisateur, je veux enregistrer mon panier."), DEFAULT_CONFIG).findings);
    expect(findings['customer-value']).toEqual([
      'La story dit qui (utilisateur) et quoi, mais pas pourquoi\u00a0: il manque le bénéfice «\u00a0afin de…\u00a0».',
      'Après «\u00a0enregistrer mon panier\u00a0», ajoutez «\u00a0, afin de <ce que cela permet de faire en tant qu’utilisateur, ou ce dont on n’a plus à se soucier>\u00a0».',
    ]);
    expect(findings['acceptance-criteria']?.[1]).toContain('quand en tant qu’utilisateur je <fais quelque chose>');
  });

  it('French: "qu’" before a silent h too, but not before an aspirated one', () => {
    const hint = (role: string) => findingsText('fr')('customerValue.restates.hint', { goal: 'réserver', role });
    expect(hint('hôtelier')).toBe('Dites ce que «\u00a0réserver\u00a0» permet ensuite de faire en tant qu’hôtelier, ou ce dont on n’a plus à se soucier.');
    expect(hint('Habitant du quartier')).toContain('en tant qu’Habitant du quartier,');
    expect(hint('homme de ménage')).toContain('en tant qu’homme de ménage,');
    expect(hint('hacker')).toContain('en tant que hacker,');
    expect(hint('hôtesse-kiosque')).toContain('en tant qu’hôtesse-kiosque,');
    expect(hint('gérant')).toContain('en tant que gérant,');
  });

  it('the other languages too: Italian, Dutch, Portuguese', () => {
    expect(said(lintIssue(issue('Come utente voglio salvare il carrello.'), DEFAULT_CONFIG).findings)['specific-persona']?.[0]).toBe('«utente» è un ruolo generico, non una persona.');
    expect(said(lintIssue(issue('Als gebruiker wil ik mijn winkelwagen bewaren.'), DEFAULT_CONFIG).findings)['customer-metric']?.[0]).toBe(
      'Geen klantmetric: niets zegt hoe we weten dat dit voor de gebruiker gewerkt heeft.',
    );
    expect(said(lintIssue(issue('Como usuário quero salvar meu carrinho.'), DEFAULT_CONFIG).findings)['customer-value']?.[0]).toBe(
      'A história diz quem (usuário) e o quê, mas não por quê: falta o benefício “para que …”.',
    );
  });
});

describe('plurals and lists as each language writes them', () => {
  it('one file "is", two "are" not a picture, in English and German', () => {
    const one = said(lintIssue(issue('As a nurse, I want my rota.', 'Rota', PDF), DEFAULT_CONFIG).findings)['visual-evidence']?.[0];
    const two = said(lintIssue(issue('As a nurse, I want my rota.', 'Rota', [...PDF, { filename: 'b.txt', mimeType: 'text/plain' }]), DEFAULT_CONFIG).findings)['visual-evidence']?.[0];
    expect(one).toBe('Nothing shows what the customer will see: no screenshot, wireframe, design link or recording (notizen.pdf is not a picture of it).');
    expect(two).toBe('Nothing shows what the customer will see: no screenshot, wireframe, design link or recording (notizen.pdf, b.txt are not a picture of it).');
  });

  it('lists: "and"/"or" in the language, English without the serial comma as before', () => {
    expect(listOf(['a', 'b', 'c'], 'en')).toBe('a, b and c');
    expect(listOf(['a', 'b', 'c'], 'en', 'or')).toBe('a, b or c');
    expect(listOf(['a', 'b'], 'de', 'or')).toBe('a oder b');
    expect(listOf(['a', 'b', 'c'], 'fr')).toBe('a, b et c');
  });

  it('a template with placeholders for two slots says so in each language', () => {
    expect(findingsText('en')('storyFormat.template', { slots: listOf(['the role', 'the goal'], 'en'), count: 2 })).toBe('The story template is not filled in: the role and the goal are placeholders.');
    const t = findingsText('de');
    expect(t('storyFormat.template', { slots: listOf([t('storyFormat.slot.role')], 'de'), count: 1 })).toBe('Die Story-Vorlage ist noch nicht ausgefüllt: Bei der Rolle steht noch ein Platzhalter.');
  });
});
