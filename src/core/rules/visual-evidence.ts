import type { Ticket } from '../types.js';
import { defineRule, NO_OPTIONS, wordsFor } from './rule.js';

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

const onDomain = (host: string, domains: string[]): boolean =>
  domains.some((d) => host === d || host.endsWith(`.${d}`));

/** What the ticket shows of what the customer will see, or an empty list. */
export function visualEvidence(ticket: Ticket, designDomains: string[], recordingDomains: string[]): string[] {
  const found = ticket.attachments
    .filter((a) => a.mimeType.startsWith('image/') || a.mimeType.startsWith('video/'))
    .map((a) => a.filename);
  found.push(...ticket.images);
  for (const link of ticket.links) {
    const host = hostOf(link);
    if (host && (onDomain(host, designDomains) || onDomain(host, recordingDomains))) found.push(link);
  }
  return found;
}

export const visualEvidenceRule = defineRule({
  meta: {
    id: 'visual-evidence',
    defaultSeverity: 'warn',
    weight: 15,
    why: 'A screenshot, wireframe or recording shows what the customer will see; words alone get built three different ways.',
    docs: '#visual-evidence',
    optionsSchema: NO_OPTIONS,
  },
  needsStory: false,
  check(ctx) {
    const { ticket, compiled } = ctx;
    if (visualEvidence(ticket, compiled.designDomains, compiled.recordingDomains).length > 0) return null;
    const t = wordsFor(ctx);
    const others = ticket.attachments.map((a) => a.filename);
    return {
      message: others.length > 0 ? t('visualEvidence.noneButFiles', { files: others.join(', '), count: others.length }) : t('visualEvidence.none'),
      hint: t('visualEvidence.hint'),
    };
  },
});
