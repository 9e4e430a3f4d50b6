import type { en } from './en.js';

/** A metric promise's words in Italian: see en.ts. */
export const it: Record<keyof typeof en, string> = {
  fromTo: 'da {baseline} a {target}',
  to: 'a {target}',
};
