import { describe, expect, it } from 'vitest';
import { saveUserSettings, userSettingsOf } from '../../src/store/user-settings.js';
import { BACKENDS, storePerTest } from '../helpers/stores.js';

describe.each(BACKENDS)('user settings on $name', (backend) => {
  const store = storePerTest(backend);

  it('changes only the settings given, leaving the others as they were', async () => {
    expect(await userSettingsOf(store(), 'U1')).toBeUndefined();
    await saveUserSettings(store(), 'U1', { workingHours: '08:00-17:00' });
    expect(await userSettingsOf(store(), 'U1')).toEqual({ mutedUntil: null, workingHours: '08:00-17:00', digestMention: false });
    await saveUserSettings(store(), 'U1', { mutedUntil: 5_000 });
    await saveUserSettings(store(), 'U1', { digestMention: true });
    expect(await userSettingsOf(store(), 'U1')).toEqual({ mutedUntil: 5_000, workingHours: '08:00-17:00', digestMention: true });
    await saveUserSettings(store(), 'U1', { mutedUntil: null });
    await saveUserSettings(store(), 'U1', {});
    expect(await userSettingsOf(store(), 'U1')).toEqual({ mutedUntil: null, workingHours: '08:00-17:00', digestMention: true });
    expect(await userSettingsOf(store(), 'U2')).toBeUndefined();
  });

  it('two changes at once both stick', async () => {
    await Promise.all([saveUserSettings(store(), 'U1', { mutedUntil: 9 }), saveUserSettings(store(), 'U1', { workingHours: '10:00-19:00' }), saveUserSettings(store(), 'U1', { digestMention: true })]);
    expect(await userSettingsOf(store(), 'U1')).toEqual({ mutedUntil: 9, workingHours: '10:00-19:00', digestMention: true });
  });
});
