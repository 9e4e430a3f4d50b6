import type { en } from './en.js';

/** A metric promise's words in French: see en.ts. */
export const fr: Record<keyof typeof en, string> = {
  fromTo: 'de {baseline} à {target}',
  to: 'à {target}',
};
