/**
 * The built-in customer journey (centric.yml `journey.stages`): an e-commerce journey from
 * discovering a product to coming back for more. Teams replace the whole list with their own
 * stages. Data, the way hints/default-domains.ts holds the domains.
 *
 * A stage is recognised by a ticket label or component first (`journey:buy`), then by keywords in
 * the story. Keywords are whole words compared without case or accents, plurals included;
 * "word*" also matches compounds starting with it, "*word" compounds ending with it. Each
 * language's keywords are read in stories of that language only ("notice" is French for a user
 * manual and English for seeing something), and this journey asks for two distinct keywords, so
 * one stray word puts no story in a stage.
 *
 * The keywords are the journey's own words, not everyday or technical ones: "search", "support",
 * "contact", "setup", "install", "configuration", "tracking", "package" and "review" are left out
 * (a ward nurse searches patients, a developer installs a package and reviews code), so are
 * "order" (German "in order to") and "return", a keyboard key as often as a parcel. Every KPI is
 * one the customer-metric rule recognises as a customer metric (tested), so the hint's example
 * built from it passes the rule.
 */

/** Keywords as centric.yml gives them: one list read in every language, or a list per language code. */
export type JourneyKeywords = string[] | Record<string, string[]>;

/** One stage as centric.yml declares it, every field filled in. */
export interface JourneyStageDefinition {
  name: string;
  match: { labels: string[]; components: string[]; keywords: JourneyKeywords };
  /** The customer metrics of the stage, the most typical first: the hint proposes them. */
  kpis: string[];
}

/**
 * The domain (centric.yml `domains`) the built-in journey is made for: its stages' KPIs lead a
 * customer-metric hint found by keywords only in a ticket of this domain.
 */
export const JOURNEY_DOMAIN = 'commerce';

/** Keywords of a stage by language: each list is read in stories of its language only. */
type Keywords = Record<'en' | 'de' | 'es' | 'fr' | 'it' | 'nl' | 'pt', string[]>;

const stage = (name: string, label: string, keywords: Keywords, kpis: string[]): JourneyStageDefinition => ({
  name,
  match: { labels: [`journey:${label}`], components: [], keywords },
  kpis,
});

const discover = stage('Discover', 'discover', {
  en: ['search results', 'product search', 'product listing', 'landing page', 'category page', 'product recommendations', 'recommended products', 'newsletter', 'SEO', 'find products', 'discover'],
  de: ['Suchergebnis*', 'Produktsuche*', 'stöbern', 'Landingpage*', 'Kategorieseite*', 'Produktempfehlung*', 'Newsletter', 'entdecken'],
  es: ['resultados de búsqueda', 'búsqueda de productos', 'página de categoría', 'recomendaciones', 'boletín', 'descubrir'],
  fr: ['résultats de recherche', 'recherche de produits', 'page catégorie', 'recommandations', 'newsletter', 'découvrir'],
  it: ['risultati di ricerca', 'ricerca prodotti', 'pagina categoria', 'raccomandazioni', 'newsletter', 'scoprire'],
  nl: ['zoekresultaten', 'productzoeker', 'categoriepagina', 'aanbevelingen', 'nieuwsbrief', 'ontdekken'],
  pt: ['resultados da pesquisa', 'pesquisa de produtos', 'página de categoria', 'recomendações', 'newsletter', 'descobrir'],
}, ['click-through rate', 'search exit rate', 'bounce rate']);

const evaluate = stage('Evaluate', 'evaluate', {
  en: ['compare products', 'product comparison', 'price comparison', 'product page', 'product details', 'customer reviews', 'product reviews', 'star rating', 'size guide', 'product photos'],
  de: ['Produktvergleich*', 'Preisvergleich*', 'Produktseite*', 'Produktdetail*', 'Kundenbewertung*', 'Produktbewertung*', 'Rezension*', 'Größentabelle*', 'Produktbild*'],
  es: ['comparar productos', 'comparador de precios', 'ficha de producto', 'página de producto', 'reseñas', 'opiniones de clientes', 'guía de tallas'],
  fr: ['comparateur', 'comparer les produits', 'fiche produit', 'page produit', 'avis clients', 'guide des tailles', 'photos du produit'],
  it: ['confronto prezzi', 'confrontare prodotti', 'scheda prodotto', 'pagina prodotto', 'recensioni', 'guida alle taglie', 'foto del prodotto'],
  nl: ['productvergelijking', 'prijsvergelijking', 'productpagina*', 'klantbeoordeling*', 'productreview*', 'maattabel', 'productfoto*'],
  pt: ['comparar produtos', 'comparação de preços', 'página do produto', 'avaliações de clientes', 'guia de tamanhos', 'fotos do produto'],
}, ['product page conversion rate', 'add-to-cart rate', 'product page load time']);

const buy = stage('Buy', 'buy', {
  en: ['checkout', 'basket', 'cart', 'payment', 'pay', 'purchase', 'place an order', 'coupon', 'voucher', 'discount code', 'gift card', 'PayPal', 'credit card'],
  de: ['Kasse', 'Checkout', 'Warenkorb*', '*warenkorb', 'Zahlung*', 'Zahlungsart*', 'bezahlen', 'kaufen', 'Gutschein*', 'Rabattcode*', 'Kreditkarte*', 'PayPal'],
  es: ['carrito*', 'cesta', 'pago', 'pagar', 'compra', 'cupón', 'código de descuento', 'tarjeta de crédito', 'tarjeta regalo', 'PayPal'],
  fr: ['panier*', 'paiement', 'payer', 'achat', 'acheter', 'code promo', 'bon de réduction', 'carte bancaire', 'carte cadeau', 'PayPal'],
  it: ['carrello*', 'pagamento', 'pagare', 'acquisto', 'acquistare', 'codice sconto', 'carta di credito', 'buono regalo', 'PayPal'],
  nl: ['afrekenen', 'winkelwagen*', 'winkelmand*', 'betaling', 'betalen', 'aankoop', 'kortingscode*', 'cadeaukaart', 'creditcard', 'PayPal'],
  pt: ['carrinho*', 'pagamento', 'pagar', 'compra', 'cupom', 'cupão', 'código de desconto', 'cartão de crédito', 'cartão presente', 'PayPal'],
}, ['checkout conversion rate', 'cart abandonment rate', 'payment failure rate']);

const receive = stage('Receive', 'receive', {
  en: ['delivery', 'deliveries', 'delivery slot', 'shipping costs', 'shipping address', 'free shipping', 'shipment', 'parcel', 'order tracking', 'courier', 'click and collect', 'pick-up point'],
  de: ['Lieferung*', '*lieferung', 'Lieferzeit*', 'Versandkosten', 'Versandart*', 'Versandbestätigung*', 'Paketstation*', 'Sendungsverfolgung', 'Zusteller*', 'Zustellung*', 'Abholstation*'],
  es: ['entrega a domicilio', 'plazo de entrega', 'fecha de entrega', 'gastos de envío', 'envío gratis', 'seguimiento del pedido', 'punto de recogida', 'repartidor*'],
  fr: ['livraison*', 'expédition', 'colis', 'frais de port', 'suivi de commande', 'livreur*', 'point relais', 'transporteur*'],
  it: ['consegna a domicilio', 'tempi di consegna', 'spedizion*', 'pacco', 'pacchi', 'corriere', 'punto di ritiro'],
  nl: ['levering*', 'bezorging*', 'bezorgen', 'verzendkosten', 'track en trace', 'bezorger*', 'afhaalpunt*', 'pakketpunt*'],
  pt: ['prazo de entrega', 'entrega ao domicílio', 'frete', 'portes de envio', 'código de rastreio', 'transportadora', 'ponto de recolha'],
}, ['on-time delivery rate', 'delivery time', 'missed deliveries']);

const use = stage('Use', 'use', {
  en: ['assembly instructions', 'user manual', 'instruction manual', 'care instructions', 'first use', 'how-to video', 'unboxing', 'product registration'],
  de: ['Bedienungsanleitung*', 'Gebrauchsanweisung*', 'Montageanleitung*', 'Aufbauanleitung*', 'erste Nutzung', 'Produktregistrierung'],
  es: ['manual de usuario', 'manual de instrucciones', 'instrucciones de montaje', 'primer uso', 'registro del producto'],
  fr: ['mode d\'emploi', 'manuel utilisateur', 'notice de montage', 'première utilisation', 'prise en main', 'enregistrement du produit'],
  it: ['manuale d\'uso', 'manuale utente', 'istruzioni di montaggio', 'primo utilizzo', 'registrazione del prodotto'],
  nl: ['gebruiksaanwijzing', 'montagehandleiding', 'bouwhandleiding', 'eerste gebruik', 'productregistratie'],
  pt: ['manual do usuário', 'manual de instruções', 'instruções de montagem', 'primeiro uso', 'registo do produto', 'registro do produto'],
}, ['task success rate', 'time on task', 'feature adoption rate']);

const getHelp = stage('Get help', 'get-help', {
  en: ['help centre', 'help center', 'customer service', 'customer support', 'customer care', 'contact us', 'live chat', 'complaint*', 'refund*', 'hotline', 'warranty'],
  de: ['Kundenservice', 'Kundendienst', 'Kundensupport', 'Hilfecenter', 'Kontaktformular*', 'Kundenbeschwerde*', 'Reklamation*', 'Rückerstattung*', 'Garantie', 'Hotline'],
  es: ['atención al cliente', 'centro de ayuda', 'chat en vivo', 'queja', 'quejas', 'reclamación', 'reembolso', 'garantía'],
  fr: ['service client', 'centre d\'aide', 'chat en direct', 'réclamation*', 'plainte*', 'remboursement*', 'garantie', 'SAV'],
  it: ['assistenza clienti', 'servizio clienti', 'centro assistenza', 'reclamo', 'reclami', 'rimborso', 'rimborsi', 'garanzia'],
  nl: ['klantenservice', 'helpcentrum', 'contactformulier', 'klachtenafhandeling', 'terugbetaling*', 'restitutie', 'garantie'],
  pt: ['atendimento ao cliente', 'central de ajuda', 'chat ao vivo', 'reclamação', 'reclamações', 'reembolso', 'garantia'],
}, ['CSAT', 'contact rate', 'resolution time']);

const comeBack = stage('Come back', 'come-back', {
  en: ['repeat order', 'order again', 'buy again', 'loyalty', 'rewards', 'subscription', 'win back', 'refer a friend'],
  de: ['nachbestellen', 'Nachbestellung*', 'erneut kaufen', 'Treueprogramm*', 'Bonusprogramm*', 'Treuepunkt*', 'Abo', 'Abonnement*', 'Rückgewinnung', 'Weiterempfehlung*'],
  es: ['volver a comprar', 'repetir pedido', 'fidelización', 'programa de puntos', 'recompensas', 'suscripción', 'recomendar a un amigo'],
  fr: ['racheter', 'commander à nouveau', 'fidélité', 'fidélisation', 'récompenses', 'abonnement', 'parrainage'],
  it: ['riacquistare', 'riordinare', 'fedeltà', 'fidelizzazione', 'punti fedeltà', 'abbonamento', 'invita un amico'],
  nl: ['opnieuw bestellen', 'nabestellen', 'loyaliteit*', 'spaarprogramma', 'beloningen', 'abonnement', 'vriendenkorting'],
  pt: ['comprar novamente', 'recompra', 'fidelidade', 'fidelização', 'programa de pontos', 'recompensas', 'subscrição'],
}, ['repeat purchase rate', 'retention rate', 'NPS']);

/** Discover, Evaluate, Buy, Receive, Use, Get help, Come back. */
export const DEFAULT_JOURNEY_STAGES: JourneyStageDefinition[] = [discover, evaluate, buy, receive, use, getHelp, comeBack];

/** A stage with no story in this many digest periods is called out. */
export const DEFAULT_QUIET_PERIODS = 4;

/**
 * Distinct keywords the built-in journey needs to put a story in a stage (a label or component
 * needs none): its keywords are generic across teams, one of them is too weak a sign. A team's
 * own journey is written for its backlog: one keyword of it is enough.
 */
export const BUILT_IN_MIN_KEYWORDS = 2;
