import type { en } from './en.js';

export const it: Record<keyof typeof en, string> = {
  trendTitle: 'Centralità del cliente di {scope}, {weeks, plural, one {ultima settimana} other {ultime # settimane}}',
  trendX: 'Settimana dal',
  trendY: 'Punteggio e quota di ticket (%)',
  score: 'Punteggio (0–100)',
  who: 'Chi: una persona specifica',
  what: 'Cosa: una user story',
  why: 'Perché: un beneficio',
  how: 'Come lo sapremo: una metrica',
  see: 'Cosa vedranno: elementi visivi',
  done: 'Criteri di accettazione',
  hitRate: 'Tasso di obiettivi raggiunti',
  legend: 'Serie',
  noData: 'In queste settimane non è stato analizzato nessun ticket.',
  scoresTitle: 'Distribuzione dei punteggi di {count, plural, one {# ticket} other {# ticket}}',
  scoresX: 'Punteggio',
  scoresY: 'Ticket',
  rulesTitle: 'Quota di ticket che rispettano ogni regola',
  rulesX: 'Ticket conformi (%)',
  trendAlt: 'Grafico a linee: punteggio di centralità del cliente di {scope} settimana per settimana e quota di ticket che rispondono a ogni domanda. Ultimo punteggio: {latest}.',
  rulesY: 'Regola',
};
