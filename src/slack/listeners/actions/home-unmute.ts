import type { App } from '@slack/bolt';
import { ACTION } from '../../ids.js';
import type { ListenerDeps } from '../deps.js';
import { onHomeSetting } from '../shared/home.js';

/** "Unmute" in App Home: nudges again. */
export function registerHomeUnmute(app: App, deps: Pick<ListenerDeps, 'home' | 'browse' | 'logger' | 'locale'>): void {
  onHomeSetting(app, ACTION.homeUnmute, (user) => deps.home.unmute(user), deps);
}
