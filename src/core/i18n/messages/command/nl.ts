import type { en } from './en.js';

/** /centric's parse errors in Dutch: see en.ts. */
export const nl: Record<keyof typeof en, string> = {
  notTime: '‘{value}’ is geen tijd: schrijf hem als hh:mm, bijv. monday 09:00',
  linkUsage: 'typ `/centric link` (je Slack-e-mailadres), `/centric link SHOP-123` (een eenmalige code om bij een ticket te plaatsen) of, als beheerder, `/centric link @collega <Jira-account-id>`.',
  notLink: '‘{text}’ valt niet te koppelen: {usage}',
  checkWhich: 'Welk ticket? Typ `/centric check SHOP-123`.',
  checkNotKey: '‘{text}’ is geen ticketsleutel: typ `/centric check SHOP-123`.',
  digestNotProject: '‘{text}’ is geen projectsleutel: typ `/centric digest SHOP`, of `/centric digest` voor alle abonnementen van dit kanaal.',
  outcomesWhich: 'Welk project? Noem er een: `/centric outcomes SHOP`.',
  outcomesNotProject: '‘{text}’ is geen projectsleutel: typ `/centric outcomes SHOP`.',
  rankWhich: 'Welk project? Noem er een: `/centric rank SHOP`.',
  rankNotProject: '‘{text}’ is geen projectsleutel: typ `/centric rank SHOP`.',
  subscribeWhat: 'Waarop wil je je abonneren? Typ `/centric subscribe SHOP #channel monday 09:00`, of een JQL in plaats van SHOP.',
  unlinkNotUser: '‘{text}’ is geen Slack-gebruiker: typ `/centric unlink` voor jezelf, of `/centric unlink @collega` (beheerders).',
  muteNotDays: '‘{text}’ is geen aantal dagen: typ `/centric mute 7` (1 tot en met 365).',
  unknown: '‘{text}’ is geen /centric-opdracht. Typ `/centric help` om ze allemaal te zien.',
  unknownGuess: '‘{text}’ is geen /centric-opdracht. Bedoelde je `/centric {guess}`? Typ `/centric help` om ze allemaal te zien.',
};
