import type { App } from '@slack/bolt';
import { registerFixTicket } from './actions/fix-ticket.js';
import { registerHomeDigestMentionOff } from './actions/home-digest-mention-off.js';
import { registerHomeDigestMentionOn } from './actions/home-digest-mention-on.js';
import { registerHomeMute } from './actions/home-mute.js';
import { registerHomeUnmute } from './actions/home-unmute.js';
import { registerHomeWorkingHours } from './actions/home-working-hours.js';
import { registerNotAStory } from './actions/not-a-story.js';
import { registerOpenInJira } from './actions/open-in-jira.js';
import { registerOutcomeHit } from './actions/outcome-hit.js';
import { registerOutcomeMissed } from './actions/outcome-missed.js';
import { registerOutcomeNotMeasured } from './actions/outcome-not-measured.js';
import { registerOutcomeTooEarly } from './actions/outcome-too-early.js';
import { registerSnoozeTicket } from './actions/snooze-ticket.js';
import { registerCentricCommand } from './commands/centric.js';
import type { ListenerDeps } from './deps.js';
import { registerAppHomeOpened } from './events/app-home-opened.js';
import { registerAppUninstalled } from './events/app-uninstalled.js';
import { registerTokensRevoked } from './events/tokens-revoked.js';
import { registerFixTicketModal } from './views/fix-ticket-modal.js';
import { registerOutcomeModal } from './views/outcome-modal.js';

export type { FixFlows, HomeFlows, ListenerDeps, OutcomeFlows, TicketFlows } from './deps.js';

/** Every Slack listener, one per file, each taking what it needs of the deps. */
const LISTENERS: Array<(app: App, deps: ListenerDeps) => void> = [
  registerCentricCommand,
  registerOpenInJira,
  registerFixTicket,
  registerSnoozeTicket,
  registerNotAStory,
  registerHomeMute,
  registerHomeUnmute,
  registerHomeWorkingHours,
  registerHomeDigestMentionOn,
  registerHomeDigestMentionOff,
  registerFixTicketModal,
  registerOutcomeHit,
  registerOutcomeMissed,
  registerOutcomeTooEarly,
  registerOutcomeNotMeasured,
  registerOutcomeModal,
  registerAppHomeOpened,
  registerTokensRevoked,
  registerAppUninstalled,
];

/** Registers every listener on the Bolt app. Each one acks first: Slack waits 3 s at most. */
export function registerListeners(app: App, deps: ListenerDeps): void {
  for (const register of LISTENERS) register(app, deps);
}
