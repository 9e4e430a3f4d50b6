import { ANSWER_TEXT, type OutcomeRecord } from '../outcome/outcome.js';
import { promiseText } from '../outcome/promise-text.js';
import { escapeWikiText } from '../ticket/wiki.js';

type Adf = Record<string, unknown>;

const day = (at: number): string => new Date(at).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** "target hit — checkout conversion 2.7%" or, with no value, "missed — promised checkout conversion +3% within 6 weeks". */
function what(record: OutcomeRecord): string {
  const answer = ANSWER_TEXT[record.answer];
  if (record.measured) return `${answer} — ${record.promise.name} ${record.measured}`;
  return `${answer} — promised ${promiseText(record.promise)}`;
}

const byWhom = (record: OutcomeRecord): string => `(reported by ${record.answeredBy.name} from Slack, ${day(record.answeredAt)})`;

/** The outcome comment in Atlassian Document Format (Jira Cloud): every value a person typed is a text node. */
export function renderAdfOutcome(record: OutcomeRecord): Adf {
  const content: Adf[] = [
    {
      type: 'paragraph',
      content: [
        { type: 'text', text: 'Outcome: ', marks: [{ type: 'strong' }] },
        { type: 'text', text: `${what(record)} ${byWhom(record)}` },
      ],
    },
  ];
  if (record.note) content.push({ type: 'paragraph', content: [{ type: 'text', text: 'Note: ', marks: [{ type: 'em' }] }, { type: 'text', text: record.note }] });
  return { type: 'doc', version: 1, content };
}

/** The outcome comment in wiki markup (Jira Data Center): every value escaped. */
export function renderWikiOutcome(record: OutcomeRecord): string {
  const lines = [`*Outcome:* ${escapeWikiText(what(record))} ${escapeWikiText(byWhom(record))}`];
  if (record.note) lines.push(`_Note:_ ${escapeWikiText(record.note)}`);
  return lines.join('\n\n');
}
