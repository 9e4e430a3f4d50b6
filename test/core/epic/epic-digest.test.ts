import { describe, expect, it } from 'vitest';
import { buildDigest, QUESTIONS, type LintRecord } from '../../../src/core/digest.js';
import { samePersona } from '../../../src/core/epic/epic-digest.js';
import { renderDigestMarkdown } from '../../../src/core/render/digest-markdown.js';
import { digestMessage } from '../../../src/slack/views/digest.js';

const WEEK = 7 * 86_400_000;
const END = Date.parse('2026-11-23T08:00:00Z');
const at = (weeksAgo: number) => END - weeksAgo * WEEK + 3_600_000;
const rec = (key: string, score: number, lintedAt: number, role: string | null, epicKey: string | null): LintRecord => ({ key, score, lintedAt, role, failedRules: [], epicKey });

const history: LintRecord[] = [
  // SHOP-1's stories: SHOP-2 linted twice (its latest counts), SHOP-3 weeks ago, SHOP-4 for another persona.
  rec('SHOP-2', 40, at(3), 'user', 'SHOP-1'),
  rec('SHOP-2', 80, at(1), 'night nurse', 'SHOP-1'),
  rec('SHOP-3', 70, at(5), 'night nurses', 'SHOP-1'),
  rec('SHOP-4', 60, at(1), 'pharmacist', 'SHOP-1'),
  // The epics' own lints.
  rec('SHOP-1', 50, at(1), null, null),
  rec('SHOP-9', 0, at(1), null, null),
  // A story of an epic Centric has no report of, and one of no epic.
  rec('SHOP-5', 90, at(1), 'gift buyer', 'OTHER-1'),
  rec('SHOP-6', 30, at(1), 'user', null),
  // SHOP-9's story, of an epic without a persona; and one linted after the digest's end.
  rec('SHOP-7', 55, at(1), 'user', 'SHOP-9'),
  rec('SHOP-8', 10, END + 1, 'user', 'SHOP-9'),
];
const epics = [
  { key: 'SHOP-1', persona: 'night nurse' },
  { key: 'SHOP-9', persona: null },
  { key: 'SHOP-10', persona: 'courier' },
];
const digestOf = (withEpics = true) =>
  buildDigest({ end: END, periodMs: WEEK, history, facts: [], isGenericRole: (r) => r === 'user', readyStatuses: [], ...(withEpics ? { epics } : {}) });

describe('the digest\'s line per epic', () => {
  it('gives each epic with stories their count, average score and how many are for its persona, most stories first', () => {
    expect(digestOf().epics).toEqual([
      { key: 'SHOP-1', stories: 3, averageScore: 70, persona: 'night nurse', forPersona: 2 },
      { key: 'SHOP-9', stories: 1, averageScore: 55, persona: null, forPersona: 0 },
    ]);
  });

  it('keeps the epics\' own lints out of the story figures', () => {
    const d = digestOf();
    // This week: SHOP-2, SHOP-4, SHOP-5, SHOP-6, SHOP-7; not the epics SHOP-1 and SHOP-9.
    expect(d.period.tickets).toBe(5);
    expect(d.personas.map((p) => p.role)).not.toContain(null);
    // Without the epics known, their lints count as any ticket's, as before.
    expect(digestOf(false).period.tickets).toBe(7);
    expect(digestOf(false).epics).toBeUndefined();
  });

  it('renders the lines in markdown and in Slack, the epic\'s persona escaped and its key linked', () => {
    const d = { ...digestOf(), epics: [{ key: 'SHOP-1', stories: 3, averageScore: 70, persona: 'night *nurse* <!here>', forPersona: 2 }, { key: 'SHOP-9', stories: 1, averageScore: 55, persona: null, forPersona: 0 }] };
    expect(renderDigestMarkdown(d, 'SHOP')).toContain('**Epics**\n- SHOP-1: 3 stories, average 70, 2 of 3 for "night \\*nurse\\* \\<!here\\>"\n- SHOP-9: 1 story, average 55\n');
    const message = digestMessage({ title: 'SHOP', digest: d, browse: (k) => `https://acme.atlassian.net/browse/${k}`, late: false, questions: QUESTIONS });
    const section = message.blocks.find((b) => b.type === 'section' && b.text.text.startsWith('*Epics*'));
    expect(section).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: '*Epics*\n• <https://acme.atlassian.net/browse/SHOP-1|SHOP-1>: 3 stories, average 70, 2 of 3 for "night *nurse* &lt;!here&gt;"\n• <https://acme.atlassian.net/browse/SHOP-9|SHOP-9>: 1 story, average 55',
      },
    });
    expect(message.text).toContain('Epics: 2');
  });

  it('matches a story to the epic\'s persona by the same words, or one starting the other up to a plural', () => {
    expect([
      samePersona('night nurse', 'Night  Nurse'),
      samePersona('night nurses', 'night nurse'),
      samePersona('night nurse', 'night nurses on a hospital ward'),
      samePersona('nurse', 'night nurse'),
      samePersona('night nursery teacher', 'night nurse'),
      samePersona('', 'night nurse'),
    ]).toEqual([true, true, true, false, false, false]);
  });
});
