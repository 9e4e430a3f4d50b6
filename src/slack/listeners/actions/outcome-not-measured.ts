import type { App } from '@slack/bolt';
import { ACTION } from '../../ids.js';
import type { ListenerDeps } from '../deps.js';
import { onOutcomeButton } from '../shared/outcome-answer.js';

/** "Not measured: recorded at once". */
export function registerOutcomeNotMeasured(app: App, deps: Pick<ListenerDeps, 'outcomes' | 'logger' | 'home' | 'browse' | 'locale'>): void {
  onOutcomeButton(app, ACTION.outcomeNotMeasured, 'not-measured', deps);
}
