import type { en } from './en.js';

/** The Fix-it modal's errors in Portuguese: see en.ts. */
export const pt: Record<keyof typeof en, string> = {
  when: 'Quando isso acontece? Descreva o momento, p. ex. “estou repondo material no fim de um plantão noturno”.',
  who: 'Para quem é? Diga qual é a persona.',
  goalJob: 'O que você quer fazer nesse momento?',
  goalUser: 'O que essa pessoa quer fazer?',
  benefitJob: 'O que isso permite fazer?',
  benefitUser: 'O que isso traz para ela?',
  visuals: 'Use um link https:// para o design ou a gravação (Figma, Miro, Loom…), sem espaços.',
};
