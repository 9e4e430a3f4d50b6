import type { en } from './en.js';

/** /centric's parse errors in French: see en.ts. */
export const fr: Record<keyof typeof en, string> = {
  notTime: '«\u00a0{value}\u00a0» n’est pas une heure\u00a0: écrivez-la au format hh:mm, p. ex. monday 09:00',
  linkUsage: 'tapez `/centric link` (votre e-mail Slack), `/centric link SHOP-123` (un code à usage unique à publier sur un ticket) ou, si vous êtes admin, `/centric link @collègue <id de compte Jira>`.',
  notLink: '«\u00a0{text}\u00a0» n’est pas quelque chose à relier\u00a0: {usage}',
  checkWhich: 'Quel ticket\u202f? Tapez `/centric check SHOP-123`.',
  checkNotKey: '«\u00a0{text}\u00a0» n’est pas une clé de ticket\u00a0: tapez `/centric check SHOP-123`.',
  digestNotProject: '«\u00a0{text}\u00a0» n’est pas une clé de projet\u00a0: tapez `/centric digest SHOP`, ou `/centric digest` pour tous les abonnements de ce canal.',
  outcomesWhich: 'Quel projet\u202f? Indiquez-en un\u00a0: `/centric outcomes SHOP`.',
  outcomesNotProject: '«\u00a0{text}\u00a0» n’est pas une clé de projet\u00a0: tapez `/centric outcomes SHOP`.',
  rankWhich: 'Quel projet\u202f? Indiquez-en un\u00a0: `/centric rank SHOP`.',
  rankNotProject: '«\u00a0{text}\u00a0» n’est pas une clé de projet\u00a0: tapez `/centric rank SHOP`.',
  subscribeWhat: 'S’abonner à quoi\u202f? Tapez `/centric subscribe SHOP #channel monday 09:00`, ou une JQL à la place de SHOP.',
  unlinkNotUser: '«\u00a0{text}\u00a0» n’est pas un utilisateur Slack\u00a0: tapez `/centric unlink` pour vous-même, ou `/centric unlink @collègue` (admins).',
  muteNotDays: '«\u00a0{text}\u00a0» n’est pas un nombre de jours\u00a0: tapez `/centric mute 7` (de 1 à 365).',
  unknown: '«\u00a0{text}\u00a0» n’est pas une commande /centric. Tapez `/centric help` pour toutes les voir.',
  unknownGuess: '«\u00a0{text}\u00a0» n’est pas une commande /centric. Vouliez-vous dire `/centric {guess}`\u202f? Tapez `/centric help` pour toutes les voir.',
};
