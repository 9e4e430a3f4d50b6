import { QUESTIONS, truncatedNote, type Digest } from '../digest.js';

const pct = (share: number | null | undefined): string => (share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`);
function delta(now: number | null | undefined, before: number | null | undefined, scale = 1, unit = ''): string {
  if (now === null || now === undefined || before === null || before === undefined) return '';
  const d = Math.round((now - before) * scale);
  return d > 0 ? `▲${d}${unit}` : d < 0 ? `▼${-d}${unit}` : '=';
}

/**
 * The digest as markdown, for `centric digest` and wikis. `truncatedAt`: the scope had more
 * issues than one digest reads, and the digest was built from the first this many: it says so.
 */
export function renderDigestMarkdown(d: Digest, title: string, truncatedAt?: number): string {
  const lines = [`## Customer-centricity digest: ${title}`, ''];
  if (truncatedAt !== undefined) lines.push(`> **Note:** ${truncatedNote(truncatedAt)}`, '');
  lines.push(
    d.period.score === null
      ? 'No ticket changed in this period.'
      : `**Score: ${d.period.score}/100** ${delta(d.period.score, d.previous.score)} over ${d.period.tickets} tickets (previous period: ${d.previous.score ?? '–'})`,
    '',
    '| Question | Share | Change |',
    '| --- | ---: | ---: |',
    ...QUESTIONS.map((q) => `| ${q.label} | ${pct(d.period.shares[q.id])} | ${delta(d.period.shares[q.id], d.previous.shares[q.id], 100, ' pts')} |`),
    '',
  );
  if (d.personas.length > 0) lines.push(`**Who we built for:** ${d.personas.map((p) => `${p.role} (${p.count})`).join(', ')}; ${pct(d.genericShare)} with a generic role`, '');
  const list = (heading: string, rows: string[]) => rows.length > 0 && lines.push(`**${heading}**`, ...rows.map((r) => `- ${r}`), '');
  list('Biggest bang for the buck', d.bangForBuck.map((b) => `${b.key}: benefit ${b.benefit} / cost ${b.cost}`));
  list('Most improved', d.mostImproved.map((m) => `${m.key}: ${m.from} → ${m.to}`));
  list('Needs attention', d.needsAttention.map((n) => `${n.key}: ${n.score}/100`));
  return `${lines.join('\n')}\n`;
}
