import type { en } from './en.js';

/** A metric promise's words in Spanish: see en.ts. */
export const es: Record<keyof typeof en, string> = {
  fromTo: 'de {baseline} a {target}',
  to: 'hasta {target}',
};
