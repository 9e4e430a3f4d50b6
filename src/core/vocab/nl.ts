import type { Vocabulary } from '../config-types.js';

export const nl: Vocabulary = {
  roleMarkers: ['als'],
  relativePronouns: ['die', 'dat', 'wie'],
  nonRoles: [
    'herinnering', 'eerste stap', 'volgende stap', 'voorbeeld', 'workaround', 'tijdelijke oplossing',
    'noodoplossing', 'alternatief', 'vervolg', 'follow-up', 'resultaat', 'gevolg', 'aanvulling',
    'voorwaarde', 'samenvatting', 'opmerking',
  ],
  placeholders: [
    'tbd', 'todo', 'nog te bepalen', 'ntb', 'nog in te vullen', 'nader te bepalen', 'xxx',
    'rol', 'persona', 'type gebruiker', 'doel', 'voordeel', 'reden', 'het werkt', 'alles werkt',
  ],
  articles: ['een', 'de', 'het'],
  goalMarkers: ['wil\\s+ik(?:\\s+graag)?', 'ik\\s+wil', 'zou\\s+ik\\s+graag', 'ik\\s+zou\\s+graag', 'moet\\s+ik', 'kan\\s+ik', 'heb\\s+ik'],
  benefitMarkers: ['zodat', 'opdat', 'om(?=\\s[^\\n.]{1,200}?\\ste(?![\\p{L}]))', 'om\\s+te'],
  nonRolePhrases: ['als volgt', 'als eerste', 'als gevolg', 'als het', 'als je'],
  genericRoles: ['gebruiker', 'gebruikers', 'klant', 'klanten', 'lid', 'beheerder', 'persoon', 'bezoeker', 'gast', 'medewerker'],
  vagueQualifiers: ['geregistreerde', 'normale', 'eind', 'willekeurige'],
  metricTerms: ['conversie', 'conversion', 'retentie', 'klantbehoud', 'churn', 'uitval', 'nps', 'klanttevredenheid', 'csat', 'laadtijd', 'orderwaarde'],
  metricHeads: ['ratio', 'percentage', 'tijd', 'score'],
  metricHeadStopWords: [],
  targetWords: ['naar', 'onder', 'boven', 'minstens', 'hoogstens', 'met', 'van', 'tot', 'minder dan', 'meer dan', 'binnen'],
  units: ['%', 'procent', 'procentpunten', 'punten', 'ms', 's', 'seconden', 'minuten', 'uur', 'dagen', '€'],
  acceptanceHeadings: ['acceptatiecriteria', 'acceptatie criteria'],
  givenWhenThen: ['gegeven', 'wanneer', 'dan'],
  conjunctions: ['en', 'of'],
  goalVerbs: [],
};
