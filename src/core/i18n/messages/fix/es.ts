import type { en } from './en.js';

/** The Fix-it modal's errors in Spanish: see en.ts. */
export const es: Record<keyof typeof en, string> = {
  when: '¿Cuándo ocurre? Describe el momento, p. ej. «estoy reponiendo material al final de un turno de noche».',
  who: '¿Para quién es? Indica la persona.',
  goalJob: '¿Qué quieres hacer en ese momento?',
  goalUser: '¿Qué quiere hacer esa persona?',
  benefitJob: '¿Qué te permite hacer?',
  benefitUser: '¿Qué le aporta?',
  visuals: 'Usa un enlace https:// al diseño o a la grabación (Figma, Miro, Loom…), sin espacios.',
};
