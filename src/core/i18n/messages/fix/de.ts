import type { en } from './en.js';

/** The Fix-it modal's errors in German: see en.ts. */
export const de: Record<keyof typeof en, string> = {
  when: 'Wann passiert es? Beschreib den Moment, z. B. „ich am Ende einer Nachtschicht Material nachbestelle“.',
  who: 'Für wen ist es? Nenn die Persona.',
  goalJob: 'Was willst du in dem Moment tun?',
  goalUser: 'Was will die Person tun?',
  benefitJob: 'Was kannst du dann tun?',
  benefitUser: 'Was bringt es der Person?',
  visuals: 'Nimm einen https://-Link zum Design oder zur Aufnahme (Figma, Miro, Loom…), ohne Leerzeichen.',
};
