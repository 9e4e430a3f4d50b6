/**
 * What kind of customer metric a ticket names, from its words, in the seven languages: which way
 * is better and what it is counted in. "Reaktionszeit" is a time (lower is better, in minutes),
 * "taux d'abandon" the rate of a bad event (lower, in points), "tasso di conversione" a rate
 * that should rise (in %). Data, like the vocabularies: keywords as in keyword-matcher.ts.
 */

export type MetricClass =
  /** Net Promoter Score: up, in points (it is not a percentage). */
  | 'nps'
  /** Conversion, retention, satisfaction, adoption…: up, in %. */
  | 'good'
  /** The rate of a bad event (churn, abandonment, "Fehlerquote"): down, in points. */
  | 'bad-rate'
  /** A count of bad events (missed deliveries, complaints, failed payments): down, in %. */
  | 'bad-count'
  /** What a screen takes to appear (load time, latency): down, in seconds. */
  | 'fast-time'
  /** What a person waits (wait time, queue): down, in minutes. */
  | 'wait-time'
  /**
   * Any other time or duration ("Bearbeitungszeit", "time to resolve"): down, on the scale of the
   * domain's own time metric, else by a relative change (its scale is unknown).
   */
  | 'time';

type Words = Record<string, string[]>;

/** Scores that count in points, not percent. */
export const NPS_WORDS: Words = {
  en: ['NPS', 'net promoter', 'net promoter score', 'promoter score'],
};

/**
 * Better when higher although they hold a time or a bad event: "on-time delivery rate",
 * "error-free orders", "time saved", "Zeitersparnis". Checked before every other class.
 */
export const GOOD_DESPITE_WORDS: Words = {
  en: ['on time', 'on-time', 'punctual*', 'error free', 'error-free', 'defect free', 'time saved', 'saving*', 'savings', 'recover*'],
  de: ['pünktlich*', 'Termintreue', 'fehlerfrei*', 'Zeitersparnis', 'Ersparnis*', 'Zeitgewinn', 'Fristeinhaltung'],
  es: ['puntualidad', 'a tiempo', 'sin errores', 'ahorro*', 'recuperad*', 'recuperación'],
  fr: ['ponctualité', 'à temps', 'sans erreur', 'gain de temps', 'économie*', 'récupér*'],
  it: ['puntualità', 'in tempo', 'senza errori', 'risparmio*', 'recuper*'],
  nl: ['stiptheid', 'op tijd', 'foutloos', 'foutloze', 'tijdsbesparing', 'besparing*', 'herstel*'],
  pt: ['pontualidade', 'a tempo', 'sem erros', 'economia*', 'recuperad*', 'recuperação'],
};

/** Better when higher. */
export const GOOD_WORDS: Words = {
  en: [
    'conversion*', 'convert*', 'retention', 'retained', 'adoption', 'activation', 'engagement', 'satisfaction', 'satisfied',
    'CSAT', 'completion*', 'completed', 'success*', 'repeat*', 'reorder*', 'renewal*', 'upsell*', 'uptake', 'usage',
    'active', 'signup*', 'sign-up*', 'sign up', 'click-through', 'CTR', 'resolution*', 'accuracy', 'coverage', 'revenue', 'order value',
    'lifetime value', 'AOV', 'CLV', 'LTV', 'first-contact resolution', 'self-service', 'fill rate', 'utilisation',
    'utilization', 'occupancy',
  ],
  de: [
    'Konversion*', 'Conversion*', 'Kundenbindung', 'Bindung*', 'Zufriedenheit*', '*zufriedenheit', 'Abschluss*',
    'Abschlüsse', 'Nutzung*', 'Aktivierung*', 'Wiederkauf*', 'Erfolg*', 'Verlängerung*', 'Genauigkeit', 'Abdeckung*',
    'Umsatz*', 'Auslastung*', 'Besetzung*', 'Rücklauf*',
  ],
  es: [
    'conversión*', 'retención', 'fidelización', 'satisfacción', 'adopción', 'activación', 'finalización', 'completad*',
    'éxito', 'recompra*', 'renovación*', 'uso', 'precisión', 'cobertura',
    'ingresos', 'ocupación',
  ],
  fr: [
    'conversion*', 'rétention', 'fidélisation', 'fidélité', 'satisfaction', 'adoption', 'activation', 'achèvement',
    'réussite', 'succès', 'rachat*', 'renouvellement*', 'utilisation', 'précision', 'couverture', 'chiffre d\'affaires',
    'taux d\'occupation', 'remplissage',
  ],
  it: [
    'conversion*', 'conversione', 'conversioni', 'fidelizzazione', 'soddisfazione', 'adozione', 'attivazione',
    'completament*', 'successo', 'riacquist*', 'rinnov*', 'utilizzo', 'precisione', 'copertura', 'fatturato', 'occupazione',
  ],
  nl: [
    'conversie*', 'retentie', 'klantbehoud', 'behoud', 'tevredenheid', '*tevredenheid', 'adoptie', 'activatie',
    'voltooi*', 'succes*', 'herhaalaankoop*', 'verlenging*', 'gebruik', 'nauwkeurigheid', 'dekking*', 'omzet*', 'bezetting*',
  ],
  pt: [
    'conversão', 'conversões', 'retenção', 'fidelização', 'satisfação', 'adoção', 'ativação', 'conclusão', 'sucesso',
    'recompra*', 'renovação*', 'uso', 'utilização', 'precisão', 'cobertura',
    'receita', 'faturação', 'ocupação',
  ],
};

/** Bad events that are rates in themselves: a change is given in points. */
export const BAD_RATE_WORDS: Words = {
  en: ['churn*', 'abandon*', 'bounce*', 'attrition', 'drop-off*', 'dropoff*', 'drop off', 'no-show*', 'no show*'],
  de: ['Abbruch*', 'Abbrüche', '*abbruch', 'Absprung*', 'Abwanderung*', 'Kündigungsquote', 'Ausfallquote'],
  es: ['abandono*', 'rebote*', 'bajas', 'deserción', 'tasa de cancelación'],
  fr: ['abandon*', 'rebond*', 'attrition', 'désabonnement*', 'taux de résiliation'],
  it: ['abbandon*', 'rimbalz*', 'disdett*'],
  nl: ['afhak*', 'afhaak*', 'uitval*', 'opzegging*', 'bounce*'],
  pt: ['abandono*', 'rejeição', 'desistência*', 'cancelamentos'],
};

/** Bad events counted ("missed deliveries", "Beschwerden"): a change is given in % of today's count. */
export const BAD_EVENT_WORDS: Words = {
  en: [
    'error*', 'fail*', 'cancel*', 'complain*', 'complaint*', 'defect*', 'incident*', 'missed', 'refund*', 'escalat*',
    'reopen*', 'unsubscrib*', 'bug*', 'crash*', 'outage*', 'downtime', 'late', 'delay*', 'overdue', 'mistake*',
    'rework', 'chargeback*', 'dispute*', 'reject*', 'return rate', 'product returns', 'support tickets',
    'support contacts', 'contacts to customer care', 'customer care contacts', 'manual correction*', 'double booking*',
    'overbooking*', 'unfilled', 'uncovered', 'vacant*',
  ],
  de: [
    'Fehler*', '*fehler', 'Ausfall*', 'Ausfälle', '*ausfall', 'Kündigung*', 'Storn*', 'Beschwerde*', 'Reklamation*',
    'Retoure*', 'Rücksendung*', 'Verspätung*', 'verspätet*', 'Verzögerung*', 'Absturz*', 'Abstürze', 'Störung*',
    'Rückfrage*', 'Nacharbeit', 'Korrektur*', 'Doppelbuchung*', 'Supportanfrage*', 'Supporttickets', 'verpasst*',
    'fehlgeschlagen*', 'abgelehnt*', 'unbesetzt*',
  ],
  es: [
    'error*', 'fallo*', 'fallid*', 'cancelacion*', 'queja*', 'reclamacion*', 'devolucion*', 'retraso*', 'incidencia*',
    'rechazo*', 'rechazad*', 'perdid*', 'reembolso*', 'caída*',
  ],
  fr: [
    'erreur*', 'échec*', 'échoué*', 'annulation*', 'plainte*', 'réclamation*', 'retour*', 'retard*', 'incident*',
    'rejet*', 'rejeté*', 'manqué*', 'remboursement*', 'panne*', 'résiliation*',
  ],
  it: [
    'errore', 'errori', 'fallit*', 'fallimento', 'annullament*', 'reclam*', 'lamentel*', 'ritard*', 'incident*',
    'rifiut*', 'mancat*', 'rimbors*', 'guast*', 'interruzion*',
  ],
  nl: [
    'fout*', '*fout', '*fouten', 'mislukt*', 'annulering*', 'klacht*', 'retour*', 'vertraging*', 'storing*',
    'incident*', 'gemist*', 'afwijzing*', 'terugbetaling*',
  ],
  pt: [
    'erro', 'erros', 'falha*', 'cancelamento*', 'reclamação', 'reclamações', 'queixa*', 'devolução', 'devoluções',
    'atraso*', 'incidente*', 'recusad*', 'perdid*', 'reembolso*', 'rejeitad*',
  ],
};

/** A bad event named with one of these is a rate ("error rate", "Fehlerquote", "taux d'erreur"). */
export const RATE_WORDS: Words = {
  en: ['rate', 'ratio', 'share', 'percentage', 'proportion', '*rate'],
  de: ['Quote', '*quote', 'Rate', 'Anteil', '*anteil', 'Prozentsatz'],
  es: ['tasa', 'porcentaje', 'proporción', 'índice'],
  fr: ['taux', 'pourcentage', 'proportion', 'part'],
  it: ['tasso', 'percentuale', 'quota', 'proporzione'],
  nl: ['percentage', '*percentage', 'aandeel', 'ratio'],
  pt: ['taxa', 'percentagem', 'porcentagem', 'proporção', 'índice'],
};

/** Times of a screen or system, in seconds. */
export const FAST_TIME_WORDS: Words = {
  en: ['load*', 'latenc*', 'render*', 'page speed', 'LCP', 'largest contentful paint', 'startup', 'download*', 'upload*', 'TTFB'],
  de: ['Lade*', '*ladezeit', 'Latenz*', 'Seitenlade*', 'Startzeit'],
  es: ['carga', 'latencia', 'renderizado'],
  fr: ['chargement*', 'latence*', 'rendu'],
  it: ['caricament*', 'latenza', 'rendering'],
  nl: ['laad*', '*laadtijd', 'latentie*'],
  pt: ['carregament*', 'latência', 'renderização'],
};

/** Times a person waits, in minutes. */
export const WAIT_TIME_WORDS: Words = {
  en: ['wait*', 'queue*', 'on hold', 'hold time'],
  de: ['Warte*', '*wartezeit', 'Warteschlange*'],
  es: ['espera*'],
  fr: ['attente*'],
  it: ['attesa', 'attese', 'coda'],
  nl: ['wacht*', '*wachttijd'],
  pt: ['espera*', 'fila*'],
};

/** Any other time or duration. */
export const TIME_WORDS: Words = {
  en: ['time', 'times', 'duration*', 'turnaround', 'lead time', 'cycle time', 'MTTR', 'time to', 'time-to'],
  de: ['Zeit', '*zeit', 'Dauer*', '*dauer', 'Durchlauf*'],
  es: ['tiempo*', 'duración', 'demora*', 'plazo*'],
  fr: ['temps', 'durée*', 'délai*'],
  it: ['tempo', 'tempi', 'durata', 'tempistic*'],
  nl: ['tijd', '*tijd', 'tijden', 'duur', '*duur', 'doorlooptijd*'],
  pt: ['tempo', 'tempos', 'duração', 'prazo*'],
};
