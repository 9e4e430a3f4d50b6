import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load.js';
import { DEFAULT_CONFIG } from '../../../src/core/default-config.js';
import { detectDomain, domainEvidence, MAX_DOMAIN_TEXT, type DomainCatalogue } from '../../../src/core/hints/index.js';

const domainOf = (text: string, catalogue: DomainCatalogue = DEFAULT_CONFIG.domains): string => detectDomain(text, catalogue).id;

/** One ticket per domain and language, as teams outside shops write them. */
const TICKETS: Record<string, Record<string, string>> = {
  health: {
    en: 'As a night-shift nurse, I want to see the shift plan of my ward so that I can swap shifts with colleagues.',
    de: 'Als Pflegekraft auf Station 3 möchte ich meinen Dienstplan sehen, damit ich Nachtschichten tauschen kann.',
    es: 'Como enfermera del turno de noche, quiero ver el cuadrante de turnos de mi planta para cambiar guardias.',
    fr: "En tant qu'infirmière de nuit, je veux voir le planning des gardes du service pour échanger mes gardes.",
    it: 'Come infermiera del turno di notte, voglio vedere i turni del reparto per scambiarli con i colleghi.',
    nl: 'Als verpleegkundige op de afdeling wil ik het dienstrooster zien, zodat ik nachtdiensten kan ruilen.',
    pt: 'Como enfermeira do plantão noturno, quero ver a escala de turnos da ala para trocar plantões.',
  },
  finance: {
    en: "As a tax adviser, I want to export my clients' bookings as CSV so that I can prepare their tax returns.",
    de: 'Als Steuerberaterin möchte ich die Buchungen meiner Mandanten nach DATEV exportieren, damit die Steuererklärung schneller fertig ist.',
    es: 'Como asesor fiscal, quiero exportar las facturas de mis clientes para preparar la declaración de la renta.',
    fr: "En tant qu'expert-comptable, je veux exporter les factures de mes clients pour préparer leur déclaration de revenus.",
    it: 'Come commercialista, voglio esportare le fatture dei miei clienti per preparare la dichiarazione dei redditi.',
    nl: 'Als belastingadviseur wil ik de facturen van mijn klanten exporteren, zodat ik de aangifte sneller kan doen.',
    pt: 'Como contabilista, quero exportar as faturas dos meus clientes para preparar a declaração de IRS.',
  },
  'internal-tools': {
    en: "As a support agent, I want the admin panel to show the caller's last three cases so that I do not have to search the back office.",
    de: 'Als Sachbearbeiter im Innendienst möchte ich im Backoffice Stammdaten ändern, damit ich keine E-Mail an die IT schreiben muss.',
    es: 'Como agente de soporte, quiero que el panel de administración muestre los últimos casos para no buscar en el backoffice.',
    fr: "En tant qu'agent de support, je veux que l'outil interne affiche les derniers dossiers pour ne pas chercher dans le back-office.",
    it: 'Come operatore di supporto, voglio che il gestionale mostri le ultime pratiche, così non cerco nel backoffice.',
    nl: 'Als supportmedewerker wil ik in de beheeromgeving de laatste meldingen zien, zodat ik niet in het backoffice hoef te zoeken.',
    pt: 'Como agente de suporte, quero que o painel de administração mostre os últimos casos para não procurar no backoffice.',
  },
  'b2b-saas': {
    en: "As an operations lead at a customer company, I want a dashboard of my workspace's seat usage so that I can plan the renewal.",
    de: 'Als Teamleiterin bei einem Geschäftskunden möchte ich im Dashboard die Lizenznutzung meines Arbeitsbereichs sehen, damit ich die Vertragsverlängerung planen kann.',
    es: 'Como responsable de un cliente empresarial, quiero un panel de control con el uso de licencias de mi espacio de trabajo para planificar la renovación.',
    fr: "En tant que responsable chez un client entreprise, je veux un tableau de bord de l'usage des licences de mon espace de travail pour préparer le renouvellement.",
    it: "Come responsabile di un cliente aziendale, voglio un cruscotto con l'uso delle licenze del mio spazio di lavoro per pianificare il rinnovo.",
    nl: 'Als teamleider bij een zakelijke klant wil ik een dashboard met het licentiegebruik van mijn werkruimte, zodat ik de verlenging kan plannen.',
    pt: 'Como gestor de um cliente empresarial, quero um painel de controle com o uso de licenças do meu espaço de trabalho para planejar a renovação.',
  },
  commerce: {
    en: 'As a first-time shopper, I want to save my basket so that I can finish checkout on my phone.',
    de: 'Als Käuferin möchte ich meinen Warenkorb speichern, damit ich die Bestellung später abschließen kann.',
    es: 'Como comprador, quiero guardar mi carrito para terminar el pedido desde el móvil.',
    fr: "En tant qu'acheteuse, je veux sauvegarder mon panier pour finir ma commande sur mobile.",
    it: "Come acquirente, voglio salvare il carrello per completare l'ordine dal telefono.",
    nl: 'Als koper wil ik mijn winkelwagen bewaren, zodat ik mijn bestelling later kan afronden.',
    pt: 'Como compradora, quero guardar o carrinho para finalizar a encomenda no telemóvel.',
  },
};

const CASES = Object.entries(TICKETS).flatMap(([domain, byLanguage]) => Object.entries(byLanguage).map(([language, text]) => [domain, language, text] as const));

describe('detectDomain', () => {
  it.each(CASES)('reads a %s ticket in %s as that domain', (domain, _language, text) => {
    expect(domainOf(text)).toBe(domain);
  });

  it('covers every built-in domain in all seven languages', () => {
    for (const byLanguage of Object.values(TICKETS)) expect(Object.keys(byLanguage).sort()).toEqual(['de', 'en', 'es', 'fr', 'it', 'nl', 'pt']);
  });

  it.each([
    'As a user, I want to rename a file so that I find it again.',
    'Als Nutzer möchte ich eine Datei umbenennen, damit ich sie wiederfinde.',
    'Como usuario, quiero renombrar un archivo para encontrarlo después.',
    '',
  ])('falls back to the generic domain when no keyword is found: "%s"', (text) => {
    expect(domainOf(text)).toBe('generic');
  });

  it('falls back to the generic domain on an exact tie, rather than guess', () => {
    expect(domainOf('As a nurse, I want to pay my invoice.')).toBe('generic');
    expect(domainOf('As a nurse, I want to pay my invoice on the ward.')).toBe('health');
  });

  it.each([
    ['patients', 'As a GP, I want to see my patients for today.'],
    ['Patienten', 'Als Ärztin möchte ich die Patienten des Tages sehen.'],
    ['Patientinnen', 'Ich möchte die Patientinnen sehen.'],
    ['pacientes', 'Quiero ver los pacientes.'],
    ['patiënten', 'Ik wil de patiënten zien.'],
    ['PATIENTS (capitals)', 'LIST OF PATIENTS'],
    ['Arztin without accents', 'Als Arztin moechte ich Befunde sehen.'],
    ['a compound head: Patientenaufnahme', 'Die Patientenaufnahme dauert zu lange.'],
    ['a longer compound head: Frühschichtplanung', 'Die Frühschichtplanung ist unübersichtlich.'],
  ])('tolerates inflection, case, accents and compounds: %s', (_label, text) => {
    expect(domainOf(text)).toBe('health');
  });

  it('matches a compound by its tail where the keyword says so ("*steuer")', () => {
    expect(domainOf('Die Umsatzsteuer wird falsch gerundet.')).toBe('finance');
    expect(domainOf('Die Steuerung der Lampen hakt.')).toBe('generic');
  });

  it.each([
    ['"taxi" is not "tax"', 'As a traveller, I want to book a taxi.'],
    ['"Datenbank" is not "Bank"', 'Die Datenbank soll schneller antworten.'],
    ['"in order to" is not an order', 'As an editor, I want to publish drafts in order to save time.'],
    ['"Daten pflegen" is not nursing', 'Ich möchte meine Daten pflegen.'],
    ['"shifting" is not a shift', 'As an editor, I want to stop the layout shifting.'],
  ])('matches whole words only: %s', (_label, text) => {
    expect(domainOf(text)).toBe('generic');
  });

  it('names the evidence, strongest domain first, each keyword once', () => {
    const evidence = domainEvidence('As a nurse, I want the nurses on my ward to see the dashboard.', DEFAULT_CONFIG.domains);
    expect(evidence.map((e) => [e.domain.id, e.keywords, e.occurrences])).toEqual([
      ['health', ['nurse', 'ward'], 3],
      ['b2b-saas', ['dashboard*'], 1],
    ]);
  });

  it('reads a domain the team added in centric.yml, and its keywords with wildcards', () => {
    const config = parseConfig(
      [
        'domains:',
        '  logistics:',
        '    keywords: { en: [courier, parcel depot], de: ["Zusteller*", "*depot"] }',
        '    personas: [courier on a rural route]',
        '    metrics: [{ name: missed deliveries, direction: down, unit: percent, change: 20 }]',
      ].join('\n'),
      'centric.yml',
    );
    expect(domainOf('As a courier, I want the parcel depots on my route.', config.domains)).toBe('logistics');
    expect(domainOf('Als Zustellerin möchte ich das Paketdepot sehen.', config.domains)).toBe('logistics');
    expect(domainOf('As a nurse, I want my shifts.', config.domains)).toBe('health');
  });

  it('uses the built-in fallback when a catalogue has no generic domain', () => {
    const catalogue = { health: DEFAULT_CONFIG.domains.health! };
    expect(detectDomain('As a pilot, I want a checklist.', catalogue)).toMatchObject({ id: 'generic', personas: ['first-time visitor on a phone', 'expert who does this every day and wants it fast'] });
  });

  it('compiles a catalogue once: the same domain object for every ticket', () => {
    expect(detectDomain('nurse', DEFAULT_CONFIG.domains)).toBe(detectDomain('patients on the ward', DEFAULT_CONFIG.domains));
  });

  it('reads only the start of a long ticket, and stays linear on hostile input', () => {
    const late = `${'lorem ipsum '.repeat(MAX_DOMAIN_TEXT / 12 + 10)} nurse ward patients`;
    expect(domainOf(late)).toBe('generic');
    const hostile = ['a'.repeat(1_000_000), 'patient'.repeat(200_000), 'ab '.repeat(400_000), 'Ä'.repeat(500_000)];
    for (const text of hostile) {
      const started = performance.now();
      domainOf(text);
      expect(performance.now() - started).toBeLessThan(250);
    }
  });
});
