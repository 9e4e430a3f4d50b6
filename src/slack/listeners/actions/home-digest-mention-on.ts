import type { App } from '@slack/bolt';
import { ACTION } from '../../ids.js';
import type { ListenerDeps } from '../deps.js';
import { onHomeSetting } from '../shared/home.js';

/** "Mention me" in App Home: digests name the person next to their tickets that need attention. */
export function registerHomeDigestMentionOn(app: App, deps: Pick<ListenerDeps, 'home' | 'browse' | 'logger' | 'locale'>): void {
  onHomeSetting(app, ACTION.homeDigestMentionOn, (user) => deps.home.digestMention(user, true), deps);
}
