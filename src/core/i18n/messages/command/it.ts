import type { en } from './en.js';

/** /centric's parse errors in Italian: see en.ts. */
export const it: Record<keyof typeof en, string> = {
  notTime: '«{value}» non è un orario: scrivilo come hh:mm, ad es. monday 09:00',
  linkUsage: 'scrivi `/centric link` (la tua e-mail di Slack), `/centric link SHOP-123` (un codice monouso da pubblicare su un ticket) oppure, se sei admin, `/centric link @collega <id account Jira>`.',
  notLink: '«{text}» non è qualcosa da collegare: {usage}',
  checkWhich: 'Quale ticket? Scrivi `/centric check SHOP-123`.',
  checkNotKey: '«{text}» non è una chiave di ticket: scrivi `/centric check SHOP-123`.',
  digestNotProject: '«{text}» non è una chiave di progetto: scrivi `/centric digest SHOP`, oppure `/centric digest` per tutti gli abbonamenti di questo canale.',
  outcomesWhich: 'Quale progetto? Indicane uno: `/centric outcomes SHOP`.',
  outcomesNotProject: '«{text}» non è una chiave di progetto: scrivi `/centric outcomes SHOP`.',
  rankWhich: 'Quale progetto? Indicane uno: `/centric rank SHOP`.',
  rankNotProject: '«{text}» non è una chiave di progetto: scrivi `/centric rank SHOP`.',
  subscribeWhat: 'A cosa vuoi abbonarti? Scrivi `/centric subscribe SHOP #channel monday 09:00`, oppure una JQL al posto di SHOP.',
  unlinkNotUser: '«{text}» non è un utente Slack: scrivi `/centric unlink` per te, oppure `/centric unlink @collega` (admin).',
  muteNotDays: '«{text}» non è un numero di giorni: scrivi `/centric mute 7` (da 1 a 365).',
  unknown: '«{text}» non è un comando di /centric. Scrivi `/centric help` per vederli tutti.',
  unknownGuess: '«{text}» non è un comando di /centric. Forse intendevi `/centric {guess}`? Scrivi `/centric help` per vederli tutti.',
};
