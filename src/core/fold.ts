/**
 * Lower case, accents off ("Usuário" is "usuario", "Gäste" is "gaste"), ß as ss: the ways ticket
 * writers vary one word. Combining marks only: "·", "@" and "ə" of inclusive forms are kept.
 * One definition for every comparison of words across languages (personas, domain keywords).
 */
export function fold(s: string): string {
  const lower = s.toLowerCase();
  // Most text is plain ASCII: no decomposition needed.
  if (!/[^ -~\s]/.test(lower)) return lower;
  return lower.normalize('NFD').replace(/\p{M}+/gu, '').replace(/ß/g, 'ss');
}
