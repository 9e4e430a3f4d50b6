import type { Locale } from '../i18n/locales.js';
import { elideFrench } from '../i18n/messages/findings/index.js';
import { de } from '../vocab/de.js';
import { fr } from '../vocab/fr.js';
import { nl } from '../vocab/nl.js';
import type { Vocabulary } from '../config-types.js';

/**
 * The sentence Fix it writes, in the ticket's own language: "Als …, möchte ich …" read back with
 * the English vocabulary would not be a story, and the ticket's comment would change language.
 * Each skeleton uses its vocabulary's own markers (src/core/vocab), so the lint reads it back as the
 * same language. English stays in rewrite-story.ts, as it always was written.
 */
export interface Skeleton {
  user(role: string, goal: string, benefit: string): string;
  job(situation: string, goal: string, benefit: string): string;
  /** The success line's label, as the template and the modal write it ("Erfolg: …"). */
  success: string;
  /** Other labels people write for it and the hints suggest ("Succès"): read as the success line too. */
  successAlso?: string[];
  /** What the person may have typed before a field that the skeleton writes itself ("möchte ich", "damit", "wenn"). */
  leads: { goal: RegExp; benefit: RegExp; situation: RegExp };
}

const firstWord = (s: string): string => s.toLowerCase().split(/[\s,]+/, 1)[0] ?? '';

/** A clause with a subject of its own ("meine Patienten …", "ich …"): it follows a conjunction, not an infinitive marker. */
const subjectWords = (v: Vocabulary): Set<string> => new Set([...v.determiners, ...v.personWords].map((w) => w.toLowerCase()));

function ownSubject(v: Vocabulary): (benefit: string) => boolean {
  const words = subjectWords(v);
  return (benefit) => words.has(firstWord(benefit));
}

const DE_SUBJECT = ownSubject(de);
const NL_SUBJECT = ownSubject(nl);

/** An infinitive opens the clause ("pagar más tarde", "reponer-me"): "para" with it, "para que" with a clause. */
const ES_INFINITIVE = /^\p{L}+(?:ar|er|ir)(?:me|nos|lo|la|los|las|se|le|les)?(?![\p{L}])/iu;
const PT_INFINITIVE = /^\p{L}+(?:ar|er|ir|or)(?:-me|-nos|-lo|-la|-los|-las|-se|-lhe)?(?![\p{L}-])/iu;
const IT_INFINITIVE = /^\p{L}+(?:are|ere|ire|rre)(?:mi|ci|lo|la|li|le|si|ne)?(?![\p{L}])/iu;
/** French: a determiner or a subject pronoun opens a clause ("mes patients …", "je …"); "de", "me" open an infinitive's ("me reposer"). */
const FR_SUBJECTS = new Set([...fr.determiners.filter((w) => !['de', 'd', 'du', 'des'].includes(w)), 'je', 'j', 'tu', 'il', 'elle', 'on', 'nous', 'vous', 'ils', 'elles']);
const frSubject = (benefit: string): boolean => FR_SUBJECTS.has(firstWord(benefit).split(/['’]/)[0] ?? '');

const para = (infinitive: RegExp) => (benefit: string): string => (infinitive.test(benefit) ? `para ${benefit}` : `para que ${benefit}`);
const esPara = para(ES_INFINITIVE);
const ptPara = para(PT_INFINITIVE);

/** "afin de partir", "afin d’éviter", "afin que mes patients …": French elides before a vowel. */
function afin(benefit: string): string {
  if (frSubject(benefit)) return elide(`afin que ${benefit}`, 'afin qu');
  return elide(`afin de ${benefit}`, 'afin d');
}

const VOWEL = /^[aeiouyàâäéèêëîïôöùûüœæ]/iu;
/** "afin de éviter" → "afin d’éviter": the marker's last vowel drops before one (not before an h: muet or aspirated, no rule tells). */
const elide = (text: string, stem: string): string => {
  const rest = text.slice(stem.length + 2);
  return VOWEL.test(rest) ? `${stem}’${rest}` : text;
};

/** "Lorsqu’il", "lorsqu’on": the classic elision of "lorsque", before the pronouns and articles only. */
const lorsque = (situation: string): string => (/^(?:il|ils|elle|elles|on|en|un|une)(?![\p{L}])/iu.test(situation) ? `Lorsqu’${situation}` : `Lorsque ${situation}`);

const cosi = (benefit: string): string => (IT_INFINITIVE.test(benefit) ? `così da ${benefit}` : `così che ${benefit}`);

export const SKELETONS: Record<Exclude<Locale, 'en'>, Skeleton> = {
  de: {
    user: (role, goal, benefit) => `Als ${role} möchte ich ${goal}, damit ${benefit}.`,
    // The modal asks for the benefit after "damit ich…": a clause with its own subject keeps it.
    job: (situation, goal, benefit) => `Wenn ${situation}, möchte ich ${goal}, damit ${DE_SUBJECT(benefit) ? benefit : `ich ${benefit}`}.`,
    success: 'Erfolg',
    leads: { goal: /^(?:(?:möchte|will)\s+ich|ich\s+(?:möchte|will))\s+/iu, benefit: /^(?:damit|so\s*dass)\s+/iu, situation: /^(?:immer\s+)?wenn\s+/iu },
  },
  es: {
    user: (role, goal, benefit) => `Como ${role}, quiero ${goal}, ${esPara(benefit)}.`,
    job: (situation, goal, benefit) => `Cuando ${situation}, quiero ${goal}, ${esPara(benefit)}.`,
    success: 'Éxito',
    leads: { goal: /^(?:yo\s+)?quiero\s+/iu, benefit: /^para(?:\s+que)?\s+/iu, situation: /^(?:cuando|siempre\s+que)\s+/iu },
  },
  fr: {
    user: (role, goal, benefit) => elideFrench(`En tant que ${role}, je veux ${goal}, ${afin(benefit)}.`),
    job: (situation, goal, benefit) => `${lorsque(situation)}, je veux ${goal}, ${afin(benefit)}.`,
    success: 'Réussite',
    successAlso: ['Succès'],
    leads: { goal: /^je\s+veux\s+/iu, benefit: /^afin\s+(?:de\s+|d['’]\s*|que\s+|qu['’]\s*)/iu, situation: /^(?:quand\s+|lorsque\s+|lorsqu['’]\s*)/iu },
  },
  it: {
    user: (role, goal, benefit) => `Come ${role}, voglio ${goal}, ${cosi(benefit)}.`,
    job: (situation, goal, benefit) => `Quando ${situation}, voglio ${goal}, ${cosi(benefit)}.`,
    success: 'Successo',
    leads: { goal: /^voglio\s+/iu, benefit: /^così\s+(?:da|che)\s+/iu, situation: /^(?:quando|ogni\s+volta\s+che)\s+/iu },
  },
  nl: {
    user: (role, goal, benefit) => `Als ${role} wil ik ${goal}, zodat ${benefit}.`,
    // The modal asks for the situation after "Als ik…" and the benefit after "zodat ik…".
    job: (situation, goal, benefit) => `Als ${/^(?:ik|we|wij)\s/iu.test(situation) ? situation : `ik ${situation}`}, wil ik ${goal}, zodat ${NL_SUBJECT(benefit) ? benefit : `ik ${benefit}`}.`,
    success: 'Succes',
    leads: { goal: /^(?:wil\s+ik|ik\s+wil)\s+/iu, benefit: /^zodat\s+/iu, situation: /^(?:wanneer|als)\s+/iu },
  },
  pt: {
    user: (role, goal, benefit) => `Como ${role}, quero ${goal}, ${ptPara(benefit)}.`,
    job: (situation, goal, benefit) => `Quando ${situation}, quero ${goal}, ${ptPara(benefit)}.`,
    success: 'Sucesso',
    leads: { goal: /^(?:eu\s+)?quero\s+/iu, benefit: /^para(?:\s+que)?\s+/iu, situation: /^(?:quando|sempre\s+que)\s+/iu },
  },
};

/** A language's success labels, lower-case: the one it writes first. */
function ownLabels(skeleton: Skeleton): string[] {
  return [skeleton.success, ...(skeleton.successAlso ?? [])].map((l) => l.toLowerCase());
}

/** Every language's success label, for finding a success line to rewrite whichever language it was written in. */
export const SUCCESS_LABELS = ['success', ...Object.values(SKELETONS).flatMap(ownLabels)];

/** "Success: ", "Erfolg: ", "Réussite : " at the start of a line (any language's, any case; French puts a space before the colon). */
export const SUCCESS_LABEL = new RegExp(`^\\s*(?:${SUCCESS_LABELS.join('|')})\\s*:\\s*`, 'iu');

/**
 * The success line Fix it rewrites in a story of this language: its own label or "Success" (an
 * English story's "Erfolg:" line is someone else's text, left alone; a German story's "Success:" is
 * Centric's earlier one).
 */
export function successMarker(language: Locale = 'en'): RegExp {
  const labels = language === 'en' ? ['success'] : ['success', ...ownLabels(SKELETONS[language])];
  return new RegExp(`^\\s*(?:${labels.join('|')})\\s*:\\s*`, 'iu');
}
