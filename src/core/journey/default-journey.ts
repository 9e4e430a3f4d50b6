/**
 * The built-in customer journey (centric.yml `journey.stages`): an e-commerce journey from
 * discovering a product to coming back for more. Teams replace the whole list with their own
 * stages. Data, the way hints/default-domains.ts holds the domains.
 *
 * A stage is recognised by a ticket label or component first (`journey:buy`), then by keywords in
 * the story. Keywords are whole words compared without case or accents, plurals included;
 * "word*" also matches compounds starting with it, "*word" compounds ending with it. They are
 * chosen to be unambiguous: "order" is left out (German "in order to"), so is "return", which is
 * a keyboard key as often as a parcel. Every KPI is one the customer-metric rule recognises as a
 * customer metric (tested), so the hint's example built from it passes the rule.
 */

/** One stage as centric.yml declares it, every field filled in. */
export interface JourneyStageDefinition {
  name: string;
  match: { labels: string[]; components: string[]; keywords: string[] };
  /** The customer metrics of the stage, the most typical first: the hint proposes them. */
  kpis: string[];
}

/** Keywords of a stage by language: kept apart here to read and review, one list in centric.yml. */
type Keywords = Record<'en' | 'de' | 'es' | 'fr' | 'it' | 'nl' | 'pt', string[]>;

const stage = (name: string, label: string, keywords: Keywords, kpis: string[]): JourneyStageDefinition => ({
  name,
  match: { labels: [`journey:${label}`], components: [], keywords: Object.values(keywords).flat() },
  kpis,
});

const discover = stage('Discover', 'discover', {
  en: ['search', 'search results', 'browse', 'landing page', 'category page', 'recommendation*', 'newsletter', 'SEO', 'find products', 'discover'],
  de: ['Suche', 'suchen', 'Suchergebnis*', 'Suchfeld*', 'stöbern', 'Landingpage*', 'Kategorieseite*', 'Empfehlung*', 'Newsletter', 'entdecken'],
  es: ['búsqueda', 'buscar', 'buscador', 'resultados de búsqueda', 'explorar', 'página de categoría', 'recomendaciones', 'descubrir'],
  fr: ['recherche', 'rechercher', 'résultats de recherche', 'parcourir', 'page catégorie', 'recommandations', 'découvrir'],
  it: ['ricerca', 'cercare', 'risultati di ricerca', 'sfogliare', 'pagina categoria', 'raccomandazioni', 'scoprire'],
  nl: ['zoeken', 'zoekresultaten', 'zoekbalk', 'bladeren', 'categoriepagina', 'aanbevelingen', 'ontdekken'],
  pt: ['pesquisa', 'pesquisar', 'busca', 'resultados da pesquisa', 'navegar', 'página de categoria', 'recomendações', 'descobrir'],
}, ['click-through rate', 'search exit rate', 'bounce rate']);

const evaluate = stage('Evaluate', 'evaluate', {
  en: ['compare', 'comparison', 'product page', 'product details', 'reviews', 'ratings', 'size guide', 'specifications', 'product photos', 'availability'],
  de: ['vergleichen', 'Vergleich*', 'Produktseite*', 'Produktdetail*', 'Bewertung*', 'Rezension*', 'Größentabelle*', 'Produktbild*', 'Verfügbarkeit'],
  es: ['comparar', 'comparación', 'ficha de producto', 'página de producto', 'reseñas', 'valoraciones', 'guía de tallas', 'disponibilidad'],
  fr: ['comparer', 'comparaison', 'fiche produit', 'page produit', 'avis clients', 'guide des tailles', 'disponibilité'],
  it: ['confrontare', 'confronto', 'scheda prodotto', 'pagina prodotto', 'recensioni', 'guida alle taglie', 'disponibilità'],
  nl: ['vergelijken', 'vergelijking', 'productpagina*', 'reviews', 'beoordelingen', 'maattabel', 'beschikbaarheid'],
  pt: ['comparar', 'comparação', 'página do produto', 'avaliações', 'guia de tamanhos', 'disponibilidade'],
}, ['product page conversion rate', 'add-to-cart rate', 'product page load time']);

const buy = stage('Buy', 'buy', {
  en: ['checkout', 'basket', 'cart', 'payment', 'pay', 'purchase', 'coupon', 'voucher', 'discount code', 'gift card', 'PayPal', 'credit card'],
  de: ['Kasse', 'Checkout', 'Warenkorb*', '*warenkorb', 'Zahlung*', '*zahlung', 'bezahlen', 'Kauf', 'kaufen', 'Gutschein*', 'Rabattcode*', 'Kreditkarte*'],
  es: ['carrito*', 'cesta', 'pago', 'pagar', 'compra', 'comprar', 'cupón', 'código de descuento', 'tarjeta de crédito', 'finalizar compra'],
  fr: ['panier*', 'paiement', 'payer', 'achat', 'acheter', 'code promo', 'bon de réduction', 'carte bancaire', 'carte cadeau'],
  it: ['carrello*', 'pagamento', 'pagare', 'acquisto', 'acquistare', 'codice sconto', 'carta di credito', 'buono regalo'],
  nl: ['afrekenen', 'winkelwagen*', 'winkelmand*', 'betaling', 'betalen', 'aankoop', 'kortingscode*', 'cadeaukaart', 'creditcard'],
  pt: ['carrinho*', 'pagamento', 'pagar', 'compra', 'comprar', 'cupom', 'cupão', 'código de desconto', 'cartão de crédito', 'finalizar compra'],
}, ['checkout conversion rate', 'cart abandonment rate', 'payment failure rate']);

const receive = stage('Receive', 'receive', {
  en: ['delivery', 'deliveries', 'shipping', 'shipment', 'parcel', 'tracking', 'courier', 'dispatch', 'click and collect', 'pick-up point'],
  de: ['Lieferung*', '*lieferung', 'liefern', 'Versand*', 'Paket*', 'Sendungsverfolgung', 'Zusteller*', 'Zustellung*', 'Abholstation*'],
  es: ['entrega', 'envío', 'paquete', 'seguimiento del pedido', 'mensajero', 'punto de recogida', 'repartidor*'],
  fr: ['livraison*', 'expédition', 'colis', 'suivi de commande', 'livreur*', 'point relais', 'transporteur*'],
  it: ['consegna', 'consegne', 'spedizion*', 'pacco', 'pacchi', 'tracciamento', 'corriere', 'punto di ritiro'],
  nl: ['levering*', 'bezorging*', 'bezorgen', 'verzending', 'pakket', 'pakketten', 'track en trace', 'bezorger*', 'afhaalpunt*'],
  pt: ['entrega', 'entregas', 'envio', 'prazo de entrega', 'rastreamento', 'rastreio', 'transportadora', 'ponto de recolha'],
}, ['on-time delivery rate', 'delivery time', 'missed deliveries']);

const use = stage('Use', 'use', {
  en: ['onboarding', 'set up', 'setup', 'installation', 'install', 'assembly', 'instructions', 'user manual', 'tutorial', 'first use', 'activation'],
  de: ['Einrichtung', 'einrichten', 'Installation', 'installieren', 'Montage*', 'Anleitung*', 'Bedienungsanleitung*', 'Tutorial', 'Aktivierung', 'Onboarding'],
  es: ['configuración', 'configurar', 'instalación', 'instalar', 'montaje', 'instrucciones', 'manual de usuario', 'tutorial', 'activación'],
  fr: ['configuration', 'configurer', 'installation', 'installer', 'montage', 'mode d\'emploi', 'notice', 'tutoriel', 'activation', 'prise en main'],
  it: ['configurazione', 'configurare', 'installazione', 'installare', 'montaggio', 'istruzioni', 'manuale d\'uso', 'tutorial', 'attivazione'],
  nl: ['installatie', 'installeren', 'instellen', 'montage', 'handleiding', 'gebruiksaanwijzing', 'tutorial', 'activering', 'onboarding'],
  pt: ['configuração', 'configurar', 'instalação', 'instalar', 'montagem', 'instruções', 'manual do usuário', 'tutorial', 'ativação'],
}, ['task success rate', 'time on task', 'feature adoption rate']);

const getHelp = stage('Get help', 'get-help', {
  en: ['support', 'help centre', 'help center', 'customer service', 'contact us', 'live chat', 'complaint*', 'refund*', 'FAQ', 'hotline', 'warranty'],
  de: ['Kundenservice', 'Kundendienst', 'Hilfe', 'Hilfecenter', 'Support', 'Kontaktformular*', 'Beschwerde*', 'Reklamation*', 'Erstattung*', 'Garantie', 'Hotline'],
  es: ['atención al cliente', 'soporte', 'ayuda', 'centro de ayuda', 'contacto', 'queja', 'quejas', 'reclamación', 'reembolso', 'garantía'],
  fr: ['service client', 'assistance', 'aide', 'centre d\'aide', 'contact', 'réclamation*', 'plainte*', 'remboursement*', 'garantie', 'SAV'],
  it: ['assistenza clienti', 'assistenza', 'aiuto', 'centro assistenza', 'contatti', 'reclamo', 'reclami', 'rimborso', 'rimborsi', 'garanzia'],
  nl: ['klantenservice', 'hulp', 'helpcentrum', 'contactformulier', 'klacht*', 'terugbetaling*', 'restitutie', 'garantie'],
  pt: ['atendimento ao cliente', 'suporte', 'ajuda', 'central de ajuda', 'contato', 'contacto', 'reclamação', 'reclamações', 'reembolso', 'garantia'],
}, ['CSAT', 'contact rate', 'resolution time']);

const comeBack = stage('Come back', 'come-back', {
  en: ['reorder', 're-order', 'repeat order', 'buy again', 'loyalty', 'rewards', 'subscription', 'win back', 'reminder email', 'referral'],
  de: ['nachbestellen', 'Nachbestellung*', 'erneut kaufen', 'Treueprogramm*', 'Bonusprogramm*', 'Prämie*', 'Abo', 'Abonnement*', 'Rückgewinnung', 'Weiterempfehlung*'],
  es: ['volver a comprar', 'repetir pedido', 'fidelización', 'programa de puntos', 'recompensas', 'suscripción', 'recomendar a un amigo'],
  fr: ['racheter', 'commander à nouveau', 'fidélité', 'fidélisation', 'programme de fidélité', 'récompenses', 'abonnement', 'parrainage'],
  it: ['riacquistare', 'riordinare', 'fedeltà', 'fidelizzazione', 'programma fedeltà', 'punti fedeltà', 'abbonamento', 'invita un amico'],
  nl: ['opnieuw bestellen', 'nabestellen', 'loyaliteit*', 'spaarprogramma', 'beloningen', 'abonnement', 'vriendenkorting'],
  pt: ['comprar novamente', 'recompra', 'fidelidade', 'fidelização', 'programa de pontos', 'recompensas', 'assinatura', 'indicação'],
}, ['repeat purchase rate', 'retention rate', 'NPS']);

/** Discover, Evaluate, Buy, Receive, Use, Get help, Come back. */
export const DEFAULT_JOURNEY_STAGES: JourneyStageDefinition[] = [discover, evaluate, buy, receive, use, getHelp, comeBack];

/** A stage with no story in this many digest periods is called out. */
export const DEFAULT_QUIET_PERIODS = 4;
