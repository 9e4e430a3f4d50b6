import type { en } from './en.js';

/** The Fix-it modal's errors in French: see en.ts. */
export const fr: Record<keyof typeof en, string> = {
  when: 'Quand cela se produit-il\u202f? Décrivez le moment, p. ex. «\u00a0je recommande du matériel à la fin d’une garde de nuit\u00a0».',
  who: 'Pour qui\u202f? Nommez la persona.',
  goalJob: 'Que voulez-vous faire à ce moment-là\u202f?',
  goalUser: 'Que veut faire cette personne\u202f?',
  benefitJob: 'Qu’est-ce que cela vous permet de faire\u202f?',
  benefitUser: 'Qu’est-ce que cela lui apporte\u202f?',
  visuals: 'Utilisez un lien https:// vers la maquette ou l’enregistrement (Figma, Miro, Loom…), sans espaces.',
};
