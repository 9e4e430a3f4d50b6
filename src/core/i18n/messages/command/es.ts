import type { en } from './en.js';

/** /centric's parse errors in Spanish: see en.ts. */
export const es: Record<keyof typeof en, string> = {
  notTime: '«{value}» no es una hora: escríbela como hh:mm, p. ej. monday 09:00',
  linkUsage: 'escribe `/centric link` (tu e-mail de Slack), `/centric link SHOP-123` (un código de un solo uso para publicar en un ticket) o, si eres admin, `/centric link @alguien <id de cuenta de Jira>`.',
  notLink: '«{text}» no es algo que se pueda vincular: {usage}',
  checkWhich: '¿Qué ticket? Escribe `/centric check SHOP-123`.',
  checkNotKey: '«{text}» no es una clave de ticket: escribe `/centric check SHOP-123`.',
  digestNotProject: '«{text}» no es una clave de proyecto: escribe `/centric digest SHOP`, o `/centric digest` para todas las suscripciones de este canal.',
  outcomesWhich: '¿Qué proyecto? Indica uno: `/centric outcomes SHOP`.',
  outcomesNotProject: '«{text}» no es una clave de proyecto: escribe `/centric outcomes SHOP`.',
  rankWhich: '¿Qué proyecto? Indica uno: `/centric rank SHOP`.',
  rankNotProject: '«{text}» no es una clave de proyecto: escribe `/centric rank SHOP`.',
  subscribeWhat: '¿A qué te quieres suscribir? Escribe `/centric subscribe SHOP #channel monday 09:00`, o una JQL en lugar de SHOP.',
  unlinkNotUser: '«{text}» no es un usuario de Slack: escribe `/centric unlink` para ti, o `/centric unlink @alguien` (admins).',
  muteNotDays: '«{text}» no es un número de días: escribe `/centric mute 7` (de 1 a 365).',
  unknown: '«{text}» no es un comando de /centric. Escribe `/centric help` para verlos todos.',
  unknownGuess: '«{text}» no es un comando de /centric. ¿Querías decir `/centric {guess}`? Escribe `/centric help` para verlos todos.',
};
