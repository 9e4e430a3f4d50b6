import type { en } from './en.js';

/** The Fix-it modal's errors in Italian: see en.ts. */
export const it: Record<keyof typeof en, string> = {
  when: 'Quando succede? Descrivi il momento, ad es. «riordino il materiale a fine turno di notte».',
  who: 'Per chi è? Indica la persona.',
  goalJob: 'Cosa vuoi fare in quel momento?',
  goalUser: 'Cosa vuole fare questa persona?',
  benefitJob: 'Cosa ti permette di fare?',
  benefitUser: 'Cosa ci guadagna?',
  visuals: 'Usa un link https:// al design o alla registrazione (Figma, Miro, Loom…), senza spazi.',
};
