import type { en } from './en.js';

/** /centric's parse errors in Portuguese: see en.ts. */
export const pt: Record<keyof typeof en, string> = {
  notTime: '“{value}” não é um horário: escreva como hh:mm, p. ex. monday 09:00',
  linkUsage: 'digite `/centric link` (seu e-mail do Slack), `/centric link SHOP-123` (um código de uso único para publicar em um ticket) ou, se for admin, `/centric link @colega <id da conta do Jira>`.',
  notLink: '“{text}” não é algo que dê para vincular: {usage}',
  checkWhich: 'Qual ticket? Digite `/centric check SHOP-123`.',
  checkNotKey: '“{text}” não é uma chave de ticket: digite `/centric check SHOP-123`.',
  digestNotProject: '“{text}” não é uma chave de projeto: digite `/centric digest SHOP`, ou `/centric digest` para todas as assinaturas deste canal.',
  outcomesWhich: 'Qual projeto? Indique um: `/centric outcomes SHOP`.',
  outcomesNotProject: '“{text}” não é uma chave de projeto: digite `/centric outcomes SHOP`.',
  rankWhich: 'Qual projeto? Indique um: `/centric rank SHOP`.',
  rankNotProject: '“{text}” não é uma chave de projeto: digite `/centric rank SHOP`.',
  subscribeWhat: 'Assinar o quê? Digite `/centric subscribe SHOP #channel monday 09:00`, ou uma JQL no lugar de SHOP.',
  unlinkNotUser: '“{text}” não é um usuário do Slack: digite `/centric unlink` para você mesmo, ou `/centric unlink @colega` (admins).',
  muteNotDays: '“{text}” não é um número de dias: digite `/centric mute 7` (de 1 a 365).',
  unknown: '“{text}” não é um comando do /centric. Digite `/centric help` para ver todos.',
  unknownGuess: '“{text}” não é um comando do /centric. Você quis dizer `/centric {guess}`? Digite `/centric help` para ver todos.',
};
