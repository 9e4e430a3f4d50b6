import type { Vocabulary } from '../config-types.js';

export const fr: Vocabulary = {
  roleMarkers: ['en\\s+tant\\s+que', "en\\s+tant\\s+qu'"],
  relativePronouns: ['qui', 'que', 'dont', 'lequel', 'laquelle'],
  nonRoles: [
    'rappel', 'premier pas', 'première étape', 'prochaine étape', 'exemple', 'solution de contournement',
    'contournement', 'solution temporaire', 'alternative', 'suite', 'suivi', 'résultat',
    'conséquence', 'complément', 'prérequis', 'résumé',
  ],
  placeholders: [
    'tbd', 'todo', 'à définir', 'a définir', 'à préciser', 'à compléter', 'à venir', 'xxx',
    'rôle', 'persona', "type d'utilisateur", 'objectif', 'bénéfice', 'raison', 'ça marche',
    'ça fonctionne', 'cela fonctionne', 'que ça marche', 'que ça fonctionne',
  ],
  articles: ['un', 'une', 'le', 'la', "l'"],
  goalMarkers: [
    'je\\s+veux', 'je\\s+souhaite', 'je\\s+voudrais', "j'aimerais", 'je\\s+dois\\s+pouvoir',
    "j'ai\\s+besoin\\s+d(?:e|')", 'je\\s+peux', 'nous\\s+voulons',
  ],
  benefitMarkers: [
    "afin\\s+d(?:e|')", "afin\\s+qu(?:e|')", "pour\\s+qu(?:e|')", "de\\s+sorte\\s+qu(?:e|')",
    'pour(?=\\s+\\p{L}+(?:er|ir|re)(?![\\p{L}]))',
  ],
  nonRolePhrases: [],
  genericRoles: ['utilisateur', 'utilisatrice', 'utilisateurs', 'client', 'cliente', 'clients', 'membre', 'administrateur', 'administratrice', 'personne', 'visiteur', 'invité'],
  vagueQualifiers: ['inscrit', 'final', 'normal', 'connecté'],
  metricTerms: ['conversion', 'rétention', 'fidélisation', 'attrition', 'churn', 'abandon', 'nps', 'satisfaction', 'csat', 'temps de chargement', 'panier moyen'],
  metricHeads: ['taux', 'temps', 'score'],
  metricHeadStopWords: [],
  targetWords: ['à', 'sous', 'au-dessus de', 'au moins', 'au plus', 'moins de', 'plus de', 'de', 'en'],
  units: ['%', 'pour cent', 'points?', 'ms', 's', 'secondes?', 'minutes?', 'heures?', 'jours?', '€'],
  acceptanceHeadings: ["critères d'acceptation", "critères d’acceptation", "critère d'acceptation", "criteres d'acceptation"],
  givenWhenThen: ['étant donné', 'quand', 'alors'],
  conjunctions: ['et', 'ou'],
  goalVerbs: [],
};
