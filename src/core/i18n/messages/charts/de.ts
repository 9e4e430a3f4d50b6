import type { en } from './en.js';

export const de: Record<keyof typeof en, string> = {
  trendTitle: 'Kundenorientierung von {scope}, {weeks, plural, one {letzte Woche} other {letzte # Wochen}}',
  trendX: 'Woche ab',
  trendY: 'Punkte und Anteil der Tickets (%)',
  score: 'Punkte (0–100)',
  who: 'Wer: eine konkrete Persona',
  what: 'Was: eine Story',
  why: 'Warum: ein Nutzen',
  how: 'Woran wir es merken: eine Kennzahl',
  see: 'Was sie sehen: Visuals',
  done: 'Akzeptanzkriterien',
  hitRate: 'Trefferquote der Ergebnisse',
  legend: 'Reihen',
  noData: 'In diesen Wochen wurde kein Ticket geprüft.',
  scoresTitle: 'Punkteverteilung über {count, plural, one {# Ticket} other {# Tickets}}',
  scoresX: 'Punkte',
  scoresY: 'Anzahl Tickets',
  rulesTitle: 'Anteil der Tickets, die jede Regel erfüllen',
  rulesX: 'Tickets, die die Regel erfüllen (%)',
  trendAlt: 'Liniendiagramm: Kundenorientierung von {scope} Woche für Woche und der Anteil der Tickets, die jede Frage beantworten. Letzter Wert: {latest}.',
  rulesY: 'Regel',
};
