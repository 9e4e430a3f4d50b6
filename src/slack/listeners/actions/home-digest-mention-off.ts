import type { App } from '@slack/bolt';
import { ACTION } from '../../ids.js';
import type { ListenerDeps } from '../deps.js';
import { onHomeSetting } from '../shared/home.js';

/** "Stop mentioning me" in App Home: digests list those tickets without naming anyone. */
export function registerHomeDigestMentionOff(app: App, deps: Pick<ListenerDeps, 'home' | 'browse' | 'logger' | 'locale'>): void {
  onHomeSetting(app, ACTION.homeDigestMentionOff, (user) => deps.home.digestMention(user, false), deps);
}
