import type { App } from '@slack/bolt';
import { ACTION } from '../../ids.js';
import type { ListenerDeps } from '../deps.js';
import { onHomeSetting } from '../shared/home.js';

/** "Mute a week" in App Home: no nudges for the configured snooze days. */
export function registerHomeMute(app: App, deps: Pick<ListenerDeps, 'home' | 'browse' | 'logger' | 'locale'>): void {
  onHomeSetting(app, ACTION.homeMute, (user) => deps.home.mute(user), deps);
}
