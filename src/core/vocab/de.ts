import type { Vocabulary } from '../config-types.js';

export const de: Vocabulary = {
  roleMarkers: ['als'],
  relativePronouns: ['der', 'die', 'das', 'welche', 'welcher', 'welches', 'dem', 'den', 'deren', 'dessen'],
  nonRoles: [
    'erinnerung', 'erster schritt', 'ersten schritt', 'nächster schritt', 'nächsten schritt',
    'beispiel', 'workaround', 'follow-up', 'nachtrag', 'ergänzung', 'hinweis', 'übergangslösung',
    'zwischenlösung', 'notlösung', 'vorbereitung', 'alternative', 'folge', 'ergebnis', 'voraussetzung',
    'zusammenfassung',
  ],
  placeholders: [
    'tbd', 'todo', 'noch offen', 'offen', 'noch zu klären', 'zu klären', 'noch zu definieren',
    'folgt', 'xxx', 'rolle', 'persona', 'ziel', 'nutzen', 'grund', 'es funktioniert',
    'es geht', 'es läuft',
  ],
  articles: ['ein', 'eine', 'einer', 'der', 'die', 'das'],
  goalMarkers: [
    'möchte\\s+ich', 'will\\s+ich', 'ich\\s+möchte', 'ich\\s+will', 'würde\\s+ich\\s+gerne',
    'ich\\s+würde\\s+gerne', 'muss\\s+ich', 'brauche\\s+ich', 'ich\\s+brauche', 'kann\\s+ich',
    'ich\\s+kann', 'wünsche\\s+ich\\s+mir', 'ich\\s+wünsche\\s+mir',
  ],
  benefitMarkers: ['damit', 'so\\s*dass', 'um(?=\\s[^\\n.]{1,200}?\\szu(?![\\p{L}]))', 'um\\s+zu'],
  nonRolePhrases: ['als nächstes', 'als erstes', 'als ob', 'als auch', 'als beispiel', 'als folge'],
  genericRoles: [
    'benutzer', 'benutzerin', 'nutzer', 'nutzerin', 'kunde', 'kundin', 'kunden', 'mitglied',
    'administrator', 'admin', 'person', 'besucher', 'besucherin', 'anwender', 'anwenderin', 'gast',
    'mitarbeiter', 'mitarbeiterin',
  ],
  vagueQualifiers: ['normaler', 'normale', 'registrierter', 'registrierte', 'angemeldeter', 'angemeldete', 'beliebiger', 'beliebige'],
  metricTerms: [
    'konversion', 'konversionsrate', 'conversion', 'kundenbindung', 'retention', 'abwanderung',
    'churn', 'nps', 'kundenzufriedenheit', 'csat', 'abbruchrate', 'absprungrate', 'retourenquote',
    'wiederkaufrate', 'bestellwert', 'warenkorbwert', 'klickrate', 'ladezeit', 'bearbeitungszeit',
    'erfolgsquote', 'supportanfragen', 'aktivierung', 'nutzung', 'anteil',
  ],
  metricHeads: ['rate', 'quote', 'zeit'],
  metricHeadStopWords: ['die', 'der', 'das', 'gleiche', 'gleichen'],
  targetWords: ['auf', 'unter', 'über', 'mindestens', 'höchstens', 'um', 'von', 'bis', 'weniger als', 'mehr als', 'innerhalb'],
  units: ['%', 'prozent', 'prozentpunkte', 'punkte?', 'ms', 's', 'sek', 'sekunden?', 'min', 'minuten?', 'std', 'stunden?', 'tage?', '€', 'eur'],
  acceptanceHeadings: ['akzeptanzkriterien', 'akzeptanzkriterium', 'abnahmekriterien'],
  givenWhenThen: ['gegeben', 'wenn', 'dann'],
  conjunctions: ['und', 'oder'],
  goalVerbs: [],
};
