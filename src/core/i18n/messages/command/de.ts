import type { en } from './en.js';

/** /centric's parse errors in German: see en.ts. */
export const de: Record<keyof typeof en, string> = {
  notTime: '„{value}“ ist keine Uhrzeit: Schreib sie als hh:mm, z. B. monday 09:00',
  linkUsage: 'Tipp `/centric link` (deine Slack-E-Mail), `/centric link SHOP-123` (ein Einmalcode, den du in einem Ticket kommentierst) oder, als Admin, `/centric link @jemand <Jira-Konto-ID>`.',
  notLink: '„{text}“ lässt sich nicht verknüpfen: {usage}',
  checkWhich: 'Welches Ticket? Tipp `/centric check SHOP-123`.',
  checkNotKey: '„{text}“ ist kein Ticket-Schlüssel: Tipp `/centric check SHOP-123`.',
  digestNotProject: '„{text}“ ist kein Projektschlüssel: Tipp `/centric digest SHOP`, oder `/centric digest` für alle Abos dieses Channels.',
  outcomesWhich: 'Welches Projekt? Nenn eins: `/centric outcomes SHOP`.',
  outcomesNotProject: '„{text}“ ist kein Projektschlüssel: Tipp `/centric outcomes SHOP`.',
  rankWhich: 'Welches Projekt? Nenn eins: `/centric rank SHOP`.',
  rankNotProject: '„{text}“ ist kein Projektschlüssel: Tipp `/centric rank SHOP`.',
  subscribeWhat: 'Was möchtest du abonnieren? Tipp `/centric subscribe SHOP #channel monday 09:00`, oder statt SHOP eine JQL.',
  unlinkNotUser: '„{text}“ ist kein Slack-Nutzer: Tipp `/centric unlink` für dich selbst, oder `/centric unlink @jemand` (Admins).',
  muteNotDays: '„{text}“ ist keine Anzahl von Tagen: Tipp `/centric mute 7` (1 bis 365).',
  unknown: '„{text}“ ist kein /centric-Befehl. Mit `/centric help` siehst du alle.',
  unknownGuess: '„{text}“ ist kein /centric-Befehl. Meintest du `/centric {guess}`? Mit `/centric help` siehst du alle.',
};
