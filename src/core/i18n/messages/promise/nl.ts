import type { en } from './en.js';

/** A metric promise's words in Dutch: see en.ts. */
export const nl: Record<keyof typeof en, string> = {
  fromTo: 'van {baseline} naar {target}',
  to: 'naar {target}',
};
