import type { en } from './en.js';

export const fr: Record<keyof typeof en, string> = {
  trendTitle: 'Orientation client de {scope}, {weeks, plural, one {dernière semaine} other {# dernières semaines}}',
  trendX: 'Semaine du',
  trendY: 'Score et part des tickets (%)',
  score: 'Score (sur 100)',
  who: 'Qui\u00a0: une persona précise',
  what: 'Quoi\u00a0: une story',
  why: 'Pourquoi\u00a0: un bénéfice',
  how: 'Comment le saura-t-on\u00a0: un indicateur',
  see: 'Ce qu’ils verront\u00a0: des visuels',
  done: 'Critères d’acceptation',
  hitRate: 'Taux d’objectifs atteints',
  legend: 'Séries',
  noData: 'Aucun ticket n’a été analysé ces semaines-là.',
  scoresTitle: 'Répartition des scores de {count, plural, one {# ticket} other {# tickets}}',
  scoresX: 'Score obtenu',
  scoresY: 'Nombre de tickets',
  rulesTitle: 'Part des tickets qui respectent chaque règle',
  rulesX: 'Tickets conformes (%)',
  trendAlt: 'Graphique linéaire\u00a0: score d’orientation client de {scope} semaine après semaine, et la part des tickets qui répondent à chaque question. Dernier score\u00a0: {latest}.',
  rulesY: 'Règle',
};
