import type { en } from './en.js';

/** The Fix-it modal's errors in Dutch: see en.ts. */
export const nl: Record<keyof typeof en, string> = {
  when: 'Wanneer gebeurt het? Beschrijf het moment, bijv. ‘aan het eind van een nachtdienst materiaal bijbestel’.',
  who: 'Voor wie is het? Noem de persona.',
  goalJob: 'Wat wil je op dat moment doen?',
  goalUser: 'Wat wil die persoon doen?',
  benefitJob: 'Wat kun je er dan mee?',
  benefitUser: 'Wat levert het die persoon op?',
  visuals: 'Gebruik een https://-link naar het ontwerp of de opname (Figma, Miro, Loom…), zonder spaties.',
};
