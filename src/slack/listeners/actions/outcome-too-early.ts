import type { App } from '@slack/bolt';
import { ACTION } from '../../ids.js';
import type { ListenerDeps } from '../deps.js';
import { onOutcomeButton } from '../shared/outcome-answer.js';

/** "Too early: ask again after the project's tooEarlyDelay". */
export function registerOutcomeTooEarly(app: App, deps: Pick<ListenerDeps, 'outcomes' | 'logger' | 'home' | 'browse' | 'locale'>): void {
  onOutcomeButton(app, ACTION.outcomeTooEarly, 'too-early', deps);
}
