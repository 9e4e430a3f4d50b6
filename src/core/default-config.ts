import type { CentricConfig } from './config-types.js';
import { DEFAULT_VOCABULARY } from './vocab/index.js';

/** The configuration Centric runs with when centric.yml says nothing. */
export const DEFAULT_CONFIG: CentricConfig = {
  issueTypes: ['Story'],
  rules: {
    'story-format': 'error',
    'customer-value': 'error',
    'specific-persona': 'warn',
    'customer-metric': 'error',
    'visual-evidence': 'warn',
    'acceptance-criteria': 'warn',
    'single-goal': 'warn',
  },
  ruleOptions: {
    'customer-metric': { requireTarget: true },
    'specific-persona': { allowedRoles: [] },
  },
  scoreWeights: {
    'story-format': 20,
    'customer-value': 15,
    'specific-persona': 10,
    'customer-metric': 20,
    'visual-evidence': 15,
    'acceptance-criteria': 15,
    'single-goal': 5,
  },
  personas: [],
  vocabulary: DEFAULT_VOCABULARY,
  designDomains: [
    'figma.com', 'miro.com', 'sketch.com', 'invisionapp.com', 'invis.io', 'zeplin.io',
    'balsamiq.com', 'balsamiq.cloud', 'whimsical.com', 'axure.cloud', 'axshare.com',
    'xd.adobe.com', 'framer.com', 'canva.com', 'lucid.app', 'lucidchart.com',
  ],
  recordingDomains: ['loom.com', 'vimeo.com', 'youtube.com', 'youtu.be', 'scribehow.com', 'tango.us'],
  acceptanceCriteriaField: null,
  projects: {},
  inbox: { concurrency: 4, maxAttempts: 5, leaseSeconds: 60 },
  slack: { admins: [] },
  digest: { benefitField: null, costField: 'customfield_10016', readyStatuses: ['Ready for Development', 'Selected for Development'] },
  nudges: { recipients: 'reporter', workingHours: { days: [1, 2, 3, 4, 5], start: '09:00', end: '18:00' }, perDay: 1, snoozeDays: 7, onStatuses: [], onSprint: false },
  jira: {
    debounceSeconds: 120,
    label: 'centric:needs-work',
    exemptLabel: 'centric:exempt',
    onPass: 'note',
    rulesDocUrl: 'https://github.com/centric-bot/centric/blob/main/README.md',
    concurrency: 4,
    timeoutSeconds: 30,
    poll: { intervalMinutes: 0, projects: [] },
  },
  retention: { historyDays: 400, inboxDays: 7 },
};
