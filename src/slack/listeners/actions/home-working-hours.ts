import type { App } from '@slack/bolt';
import { ACTION } from '../../ids.js';
import type { ListenerDeps } from '../deps.js';
import { onHomeSetting } from '../shared/home.js';

/** The working-hours select in App Home: nudges arrive only between those hours. */
export function registerHomeWorkingHours(app: App, deps: Pick<ListenerDeps, 'home' | 'browse' | 'logger' | 'locale'>): void {
  onHomeSetting(
    app,
    ACTION.homeWorkingHours,
    async (user, hours) => {
      if (hours) await deps.home.workingHours(user, hours);
    },
    deps,
  );
}
