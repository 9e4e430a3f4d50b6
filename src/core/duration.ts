const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/** "4w", "0d", "36h" (as centric.yml's schema accepts them) in milliseconds. */
export function durationMs(written: string): number {
  const match = /^(\d+)\s*([hdw])$/.exec(written.trim());
  if (!match) throw new Error(`not a duration: ${JSON.stringify(written)} (expected e.g. 4w, 3d, 36h)`);
  return Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS];
}
