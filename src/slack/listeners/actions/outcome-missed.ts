import type { App } from '@slack/bolt';
import { ACTION } from '../../ids.js';
import type { ListenerDeps } from '../deps.js';
import { onOutcomeModalButton } from '../shared/outcome-modal-button.js';

/** "Missed" on an outcome question: a modal for the measured value and a note. */
export function registerOutcomeMissed(app: App, deps: Pick<ListenerDeps, 'outcomes' | 'logger' | 'locale'>): void {
  onOutcomeModalButton(app, ACTION.outcomeMissed, 'missed', deps);
}
