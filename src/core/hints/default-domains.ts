import type { DomainDefinition } from '../config-schema.js';

/**
 * The built-in domain catalogue (centric.yml `domains`): the words that give a ticket's domain
 * away, and the personas and customer metrics its hints propose. Keywords are compared without
 * case or accents; "word*" also matches words starting with it (German compounds), "*word"
 * words ending with it. Keywords are chosen to be unambiguous: "Pflege" alone is left out
 * because "Daten pflegen" is an internal-tools chore, "order" because of "in order to".
 * Every metric name here is one the customer-metric rule recognises, and every example it
 * yields passes that rule (tested).
 */

/** The domain whose examples are used when no domain's keywords are clear. */
export const FALLBACK_DOMAIN = 'generic';

/** The example's time frame when a metric does not say one. */
export const DEFAULT_TIMEFRAME = 'within 8 weeks of release';

const commerce: DomainDefinition = {
  keywords: {
    en: [
      'shop', 'webshop', 'online store', 'storefront', 'checkout', 'basket', 'cart', 'shopping', 'shopper*',
      'buyer', 'orders', 'place an order', 'order history', 'order status', 'product page', 'product detail page',
      'shipping', 'shipment', 'parcel', 'coupon', 'voucher', 'discount code', 'wishlist', 'wish list', 'retail*',
      'ecommerce', 'e-commerce', 'marketplace', 'merchant', 'gift card', 'size guide', 'returns label',
    ],
    de: [
      'Shop', 'Onlineshop', 'Webshop', 'Warenkorb*', '*warenkorb', 'Kasse', 'Bestellung*', '*bestellung', 'bestellen',
      'Käufer*', 'Lieferung*', 'Lieferadresse*', 'Gutschein*', 'Rabattcode*', 'Wunschliste*', 'Händler*',
      'Sortiment*', 'Retoure*', 'Versandkosten', 'Versandart*', 'einkaufen', 'Produktseite*',
    ],
    es: [
      'tienda', 'tienda online', 'carrito*', 'cesta', 'pedido', 'comprar', 'compra', 'compras',
      'comprador*', 'envío', 'paquete', 'cupón', 'código de descuento', 'lista de deseos',
      'catálogo', 'devolución', 'ficha de producto',
    ],
    fr: [
      'boutique*', 'panier*', 'commande', 'achat', 'acheteur*', 'livraison*',
      'colis', 'code promo', 'bon de réduction', 'liste de souhaits', 'catalogue', 'vendeur*', 'e-commerce',
      'frais de port', 'fiche produit',
    ],
    it: [
      'negozio', 'negozi', 'negozio online', 'carrello*', 'ordine', 'ordini', 'acquisto', 'acquisti', 'acquirent*',
      'spedizion*', 'pacco', 'pacchi', 'coupon', 'codice sconto', 'lista dei desideri', 'catalogo', 'venditor*',
      'scheda prodotto',
    ],
    nl: [
      'winkel', 'webwinkel', 'webshop', 'winkelwagen*', 'winkelmand*', 'mandje', 'bestelling*', 'bestellen', 'kassa',
      'koper', 'levering*', 'pakket', 'pakketten', 'kortingscode*', 'verlanglijst*', 'retour*', 'productpagina*',
    ],
    pt: [
      'loja', 'loja online', 'carrinho*', 'encomenda*', 'compra', 'compras', 'comprador*',
      'entrega', 'frete', 'cupom', 'cupão', 'código de desconto', 'lista de desejos', 'catálogo',
      'devolução', 'devoluções', 'página do produto',
    ],
  },
  personas: [
    'first-time shopper on mobile',
    'returning customer with a saved card',
    'gift buyer shopping the night before a birthday',
  ],
  metrics: [
    { name: 'checkout conversion', direction: 'up', unit: 'percent', change: 3, timeframe: 'within 6 weeks of release' },
    { name: 'cart abandonment rate', direction: 'down', unit: 'points', change: 2, timeframe: 'within a quarter' },
    { name: 'product page load time', direction: 'down', unit: 'seconds', target: 2.5, timeframe: 'within 4 weeks of release' },
    { name: 'repeat purchase rate', direction: 'up', unit: 'percent', change: 5, timeframe: 'within a quarter' },
  ],
};

const health: DomainDefinition = {
  keywords: {
    en: [
      'patient*', 'ward', 'nurse', 'nursing', 'night shift', 'day shift', 'shifts', 'shift plan',
      'shift rota', 'shift swap', 'rota', 'clinic', 'clinical', 'clinician', 'hospital', 'doctor', 'physician',
      'GP', 'care home', 'carer', 'caregiver', 'appointment', 'triage', 'discharge', 'medication', 'prescription',
      'pharmacy', 'pharmacist', 'therapist', 'health record', 'medical record', 'ICU', 'bed management',
    ],
    de: [
      'Patient*', 'Intensivstation', 'Krankenstation', 'Pflegestation', 'Normalstation', 'Pflegekraft*',
      'Pflegedienst*', 'Pflegeheim*', 'Pflegeplan*', 'Pflegepersonal', 'Pflegefach*', 'Krankenpflege',
      'Altenpflege', 'Schichtplan*', 'Dienstplan*', 'Schichtdienst*', 'Schichten', 'Nachtschicht*', 'Frühschicht*',
      'Spätschicht*', 'Arzt', 'Ärztin*', 'Klinik*', 'Krankenhaus*', 'Sprechstunde*', 'Medikament*',
      'E-Rezept', 'Notaufnahme*', 'Entlassmanagement', 'Entlassbrief*', 'Therapie*', 'Krankenschwester*', 'Pfleger*', 'Arztpraxis*',
    ],
    es: [
      'paciente*', 'enfermera*', 'enfermero*', 'enfermería', 'turnos', 'turno de noche', 'cuadrante de turnos',
      'guardia', 'hospital', 'clínica', 'médico', 'médica', 'médicos', 'medicamento*',
      'urgencias', 'receta médica', 'farmacia', 'cuidador*', 'cita médica', 'historia clínica', 'planta del hospital',
    ],
    fr: [
      'patient*', 'infirmier*', 'infirmière*', 'soignant*', 'hôpital', 'hôpitaux', 'clinique', 'médecin*',
      'service de soins', 'planning des gardes', 'garde de nuit', 'équipe de nuit', 'ordonnance*', 'pharmacie',
      'urgences', 'EHPAD', 'dossier médical', 'rendez-vous médical', 'médicament*',
    ],
    it: [
      'pazient*', 'infermier*', 'turno di notte', 'turni', 'reparto', 'reparti', 'ospedal*', 'clinica', 'medico',
      'medici', 'farmacia', 'farmaco', 'farmaci', 'prescrizion*', 'pronto soccorso', 'ambulatori*', 'sanitari*',
      'cartella clinica', 'guardia medica',
    ],
    nl: [
      'patiënt*', 'verpleeg*', 'nachtdienst*', 'dienstrooster*', 'ziekenhuis*', 'kliniek*',
      'huisarts*', 'artsen', 'zorgverlener*', 'zorgmedewerker*', 'thuiszorg*', 'zorginstelling*', 'apotheek*',
      'spoedeisende hulp', 'medicatie*',
    ],
    pt: [
      'paciente*', 'enfermeir*', 'enfermagem', 'turnos', 'plantão', 'plantões', 'hospital', 'hospitais', 'clínica',
      'médico', 'médica', 'médicos', 'farmácia', 'prontuário*', 'internação', 'cuidador*', 'medicamento*',
      'consulta médica', 'pronto-socorro',
    ],
  },
  personas: [
    'night-shift nurse on a ward',
    'ward clerk booking beds during the morning rush',
    'GP seeing 30 patients a day',
  ],
  metrics: [
    { name: 'patient wait time', direction: 'down', unit: 'minutes', target: 15, timeframe: 'within 3 months of go-live' },
    { name: 'shift handover time', direction: 'down', unit: 'minutes', target: 10, timeframe: 'within 6 weeks of go-live' },
    { name: 'unfilled shift rate', direction: 'down', unit: 'points', change: 5, timeframe: 'within a quarter' },
    { name: 'patient satisfaction', direction: 'up', unit: 'percent', change: 5, timeframe: 'within 6 months' },
  ],
};

const finance: DomainDefinition = {
  keywords: {
    en: [
      'tax', 'taxes', 'tax return', 'tax adviser', 'tax advisor', 'taxpayer*', 'invoice*', 'invoicing', 'accounting',
      'accountant', 'bookkeeping', 'bookkeeper', 'payroll', 'ledger', 'bank', 'banking', 'bank account',
      'bank transfer', 'loan', 'mortgage*', 'IBAN', 'VAT', 'fiscal', 'reconciliation', 'balance sheet',
      'month-end close', 'expense report', 'accounts payable', 'accounts receivable',
    ],
    de: [
      'Steuerberater*', 'Steuerberatung*', 'Steuerkanzlei*', 'Kanzlei*', 'Buchungssatz*', 'Kontenrahmen', 'Steuererklärung*', 'Steuerbescheid*', 'Steuernummer',
      '*steuer', 'Finanzamt*', 'Rechnung', 'Rechnungsstellung', 'Buchhaltung*', 'Buchhalter*',
      'Lohnabrechnung*', 'Gehaltsabrechnung*', 'Bank', 'Bankkonto*', 'Kredit*',
      'Darlehen', 'DATEV', 'Bilanz*', 'Überweisung*', 'Jahresabschluss*', 'Monatsabschluss*', 'Finanzbuchhaltung',
    ],
    es: [
      'impuesto*', 'fiscal', 'asesor fiscal', 'asesoría fiscal', 'declaración de la renta', 'factura*', 'contable*',
      'contabilidad', 'nómina*', 'banco', 'bancos', 'bancario*', 'cuenta bancaria', 'préstamo*', 'hipoteca*',
      'IVA', 'Hacienda', 'transferencia bancaria', 'cierre contable', 'cierre mensual',
    ],
    fr: [
      'impôt*', 'fiscal*', 'expert-comptable', 'comptab*', 'facture*', 'facturation', 'paie', 'bulletin de paie',
      'banque*', 'bancaire*', 'compte bancaire', 'prêt immobilier', 'crédit immobilier', 'TVA', 'virement*',
      'relevé bancaire', 'déclaration de revenus', 'clôture mensuelle', 'bilan comptable',
    ],
    it: [
      'tasse', 'tassa', 'imposta', 'imposte', 'fiscal*', 'commercialista*', 'fattur*', 'contabil*', 'busta paga',
      'buste paga', 'stipendio', 'stipendi', 'banca', 'banche', 'bancari*', 'conto corrente', 'prestito', 'prestiti', 'mutuo',
      'mutui', 'IVA', 'bonifico*', 'dichiarazione dei redditi', 'chiusura mensile',
    ],
    nl: [
      'belastingdienst', 'belastingaangifte*', 'belastingadviseur*', 'aangifte*', 'factuur*', 'facturen', 'facturatie',
      'boekhoud*', 'accountant*', 'loonadministratie', 'salarisadministratie', 'bank', 'banken', 'bankrekening*',
      'lening*', 'hypotheek*', 'btw', 'overboeking*', 'maandafsluiting', 'jaarrekening*',
    ],
    pt: [
      'imposto*', 'fiscal', 'fiscais', 'nota fiscal', 'fatura*', 'faturação', 'faturamento', 'contabil*', 'contador*',
      'contabilista*', 'folha de pagamento', 'banco', 'bancos', 'bancári*', 'conta bancária', 'empréstimo*',
      'hipoteca*', 'IVA', 'IRS', 'boleto*', 'transferência bancária', 'fecho mensal', 'fechamento mensal',
    ],
  },
  personas: [
    'tax adviser preparing year-end returns for 40 clients',
    'small-business owner doing their own bookkeeping',
    'accounts-payable clerk matching 200 invoices a day',
  ],
  metrics: [
    { name: 'invoice processing time', direction: 'down', unit: 'minutes', target: 5, timeframe: 'within 2 months of release' },
    { name: 'export error rate', direction: 'down', unit: 'percent', target: 1, timeframe: 'within a quarter' },
    { name: 'month-end close time', direction: 'down', unit: 'days', target: 3, timeframe: 'within two quarters' },
    { name: 'failed payment rate', direction: 'down', unit: 'points', change: 1, timeframe: 'within a quarter' },
  ],
};

const internalTools: DomainDefinition = {
  keywords: {
    en: [
      'admin panel', 'admin tool', 'admin console', 'back office', 'backoffice', 'back-office', 'internal tool',
      'intranet', 'employee portal', 'helpdesk', 'service desk', 'timesheet*', 'time sheet',
      'expense claim', 'staff', 'colleague', 'warehouse*', 'picker', 'dispatcher', 'caseworker',
      'case worker', 'support agent', 'HR team', 'HR department', 'ops team', 'master data',
    ],
    de: [
      'Backoffice', 'Admin-Oberfläche', 'Adminbereich', 'internes Tool', 'interne Tools', 'Intranet', 'Sachbearbeiter*',
      'Mitarbeiterportal*', 'Kollege', 'Kollegin*', 'Zeiterfassung*', 'Urlaubsantrag*',
      'Spesen*', 'Reisekosten*', 'Lagerist*', 'Lagermitarbeiter*', 'Lagerhalle*', 'Disponent*', 'Stammdaten*',
      'Datenpflege', 'Personalabteilung*', 'Innendienst*', 'Servicedesk',
    ],
    es: [
      'backoffice', 'herramienta interna', 'herramientas internas', 'intranet', 'panel de administración',
      'empleados', 'compañeros', 'operador*', 'almacén', 'recursos humanos', 'RRHH', 'fichaje*',
      'gastos de viaje', 'tramitador*', 'gestor de casos', 'datos maestros', 'agente de soporte', 'agentes de soporte',
    ],
    fr: [
      'back-office', 'backoffice', 'outil interne', 'outils internes', 'intranet', 'collaborateur*', 'salariés',
      'collègue*', 'opérateur*', 'entrepôt*', 'préparateur de commandes', 'ressources humaines',
      'note de frais', 'notes de frais', 'données de référence', 'agent de support', 'interface d\'administration',
    ],
    it: [
      'backoffice', 'strumento interno', 'strumenti interni', 'intranet', 'dipendent*', 'collega', 'colleghi',
      'operator*', 'magazzin*', 'risorse umane', 'nota spese', 'note spese', 'gestionale', 'anagrafica*',
      'pannello di amministrazione', 'operatore di supporto', 'addetto', 'addetti',
    ],
    nl: [
      'backoffice', 'interne tool', 'intranet', 'collega*', 'medewerkers', 'magazijn*',
      'orderpicker*', 'personeelszaken', 'declaratie*', 'verlofaanvra*', 'beheeromgeving*', 'urenregistratie*',
      'stamgegevens', 'servicedesk', 'supportmedewerker*',
    ],
    pt: [
      'backoffice', 'ferramenta interna', 'ferramentas internas', 'intranet', 'colaborador*', 'funcionário*',
      'colega*', 'operador*', 'armazém', 'armazéns', 'recursos humanos', 'RH', 'reembolso de despesas',
      'painel de administração', 'dados mestres', 'agente de suporte', 'atendente*',
    ],
  },
  personas: [
    'support agent handling 60 tickets a day',
    'warehouse picker with a handheld scanner',
    'HR coordinator onboarding ten new starters a week',
  ],
  metrics: [
    { name: 'average handling time', direction: 'down', unit: 'minutes', target: 4, timeframe: 'within 6 weeks of rollout' },
    { name: 'data entry error rate', direction: 'down', unit: 'percent', target: 1, timeframe: 'within a quarter' },
    { name: 'task success rate', direction: 'up', unit: 'percent', change: 10, timeframe: 'within 6 weeks of rollout' },
  ],
};

const b2bSaas: DomainDefinition = {
  keywords: {
    en: [
      'dashboard*', 'workspace*', 'tenant*', 'subscription*', 'free trial', 'trial period', 'onboarding', 'SSO',
      'SAML', 'account manager', 'customer success', 'renewal*', 'enterprise plan', 'enterprise customer', 'B2B',
      'SaaS', 'CRM', 'sales team', 'report builder', 'teammate*', 'seat-based', 'license*', 'licence*',
      'org admin', 'workspace admin', 'billing plan', 'upgrade plan',
    ],
    de: [
      'Dashboard*', 'mandantenfähig*', 'Arbeitsbereich*', 'Abonnement*', 'Abo', 'Abos', 'Testphase*', 'Testzugang*',
      'Onboarding', 'Lizenz*', 'Geschäftskunde*', 'Firmenkunde*', 'B2B', 'SaaS', 'CRM', 'Vertriebsteam*',
      'Teammitglied*', 'Kundenerfolg', 'Vertragsverlängerung*',
    ],
    es: [
      'dashboard*', 'panel de control', 'cuadro de mando', 'cuadros de mando', 'espacio de trabajo', 'suscripción*',
      'prueba gratuita', 'periodo de prueba', 'licencia*', 'cliente empresarial', 'clientes empresariales', 'B2B',
      'SaaS', 'CRM', 'equipo de ventas', 'renovación*', 'incorporación de clientes',
    ],
    fr: [
      'dashboard*', 'tableau de bord', 'tableaux de bord', 'espace de travail', 'abonnement*', 'essai gratuit',
      'période d\'essai', 'licence*', 'client entreprise', 'clients entreprises', 'B2B', 'SaaS', 'CRM',
      'équipe commerciale', 'renouvellement*',
    ],
    it: [
      'dashboard*', 'cruscotto*', 'spazio di lavoro', 'abbonament*', 'prova gratuita', 'periodo di prova', 'licenz*',
      'clienti business', 'cliente aziendale', 'clienti aziendali', 'B2B', 'SaaS', 'CRM', 'team commerciale',
      'rinnovo', 'rinnovi',
    ],
    nl: [
      'dashboard*', 'werkruimte*', 'abonnement*', 'proefperiode*', 'licentie*', 'zakelijke klant', 'B2B', 'SaaS',
      'CRM', 'verkoopteam*', 'verlenging*', 'teamleden', 'onboarding',
    ],
    pt: [
      'dashboard*', 'painel de controle', 'painel de controlo', 'espaço de trabalho', 'assinatura*', 'teste gratuito',
      'período de teste', 'licença*', 'cliente empresarial', 'clientes empresariais', 'B2B', 'SaaS', 'CRM',
      'equipe de vendas', 'equipa de vendas', 'renovação*',
    ],
  },
  personas: [
    'workspace admin at a 50-person agency',
    'account manager preparing a quarterly business review',
    'operations lead who checks the dashboard every Monday',
  ],
  metrics: [
    { name: 'trial-to-paid conversion', direction: 'up', unit: 'percent', change: 2, timeframe: 'within a quarter' },
    { name: 'logo churn', direction: 'down', unit: 'points', change: 1, timeframe: 'within two quarters' },
    { name: 'dashboard load time', direction: 'down', unit: 'seconds', target: 3, timeframe: 'within 4 weeks of release' },
    { name: 'feature adoption', direction: 'up', unit: 'percent', change: 10, timeframe: 'within a quarter' },
    { name: 'NPS', direction: 'up', unit: 'points', change: 10, timeframe: 'within two quarters' },
  ],
};

/** The fallback: examples that fit any product, and no keywords (it is what is left). */
const generic: DomainDefinition = {
  keywords: {},
  personas: ['first-time visitor on a phone', 'expert who does this every day and wants it fast'],
  metrics: [
    { name: 'task success rate', direction: 'up', unit: 'percent', change: 10, timeframe: DEFAULT_TIMEFRAME },
    { name: 'time on task', direction: 'down', unit: 'seconds', target: 60, timeframe: DEFAULT_TIMEFRAME },
    { name: 'support contacts', direction: 'down', unit: 'percent', change: 20, timeframe: 'within a quarter' },
  ],
};

/** Domain id -> domain; tried in this order, so an exact tie goes to the fallback, never to the first. */
export const DEFAULT_DOMAINS: Record<string, DomainDefinition> = {
  commerce,
  health,
  finance,
  'internal-tools': internalTools,
  'b2b-saas': b2bSaas,
  [FALLBACK_DOMAIN]: generic,
};
