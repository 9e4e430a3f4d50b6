import { describe, expect, it } from 'vitest';
import { finding } from '../../helpers/lint.js';

const story = (goal: string) => `As a shopper, I want to ${goal} so that I find gifts.`;

describe('single-goal', () => {
  it.each([
    'compare prices of phones and tablets', 'view active and anonymous users', 'search products by name or brand',
    'see shipping, payment and review on one page', 'compare price, delivery time and rating',
  ])('passes for one goal: "%s"', (goal) => {
    expect(finding('single-goal', story(goal))).toBeUndefined();
  });

  it.each([
    ['search and filter products', ['search', 'filter products']],
    ['create a list and to share it', ['create a list', 'share it']],
    ['save my basket or pay now', ['save my basket', 'pay now']],
    ['add items, remove items and export the list', ['add items', 'remove items', 'export the list']],
    ['upload and crop my photo', ['upload', 'crop my photo']],
  ])('warns for several goals: "%s"', (goal, parts) => {
    expect(finding('single-goal', story(goal))).toEqual({
      rule: 'single-goal',
      severity: 'warn',
      message: `The story asks for ${parts.length} things at once: ${parts.map((p) => `"${p}"`).join(', ')}.`,
      hint: `Split it into one ticket per goal (${parts.map((p) => `"${p}"`).join(', ')}), each with its own "so that".`,
      link: 'https://github.com/centric-bot/centric/blob/main/README.md#single-goal',
    });
  });
});

/**
 * Per language: a story around a goal; goals that list objects (one goal) and goals that join verbs
 * (two goals, as split).
 */
const LANGS: Record<string, { story: (goal: string) => string; objects: string[]; verbs: Array<[string, string[]]> }> = {
  en: {
    story: (g) => `As a shopper, I want to ${g} so that I find gifts.`,
    objects: ['see shipping, payment and review on one page', 'compare price, delivery time and rating'],
    verbs: [['upload and crop my photo', ['upload', 'crop my photo']], ['save my basket and share it', ['save my basket', 'share it']]],
  },
  de: {
    story: (g) => `Als Käuferin möchte ich ${g}, damit ich Geschenke finde.`,
    objects: [
      'Versand, Zahlung und Prüfung auf einer Seite sehen', 'Preis, Lieferzeit und Bewertung vergleichen',
      'die neuen und alten Bestellungen sehen', 'das Hochladen und Zuschneiden meines Fotos',
    ],
    verbs: [
      ['mein Foto hochladen und zuschneiden', ['mein Foto hochladen', 'zuschneiden']],
      ['hochladen und zuschneiden', ['hochladen', 'zuschneiden']],
      ['meine Schichten sehen und mit Kollegen tauschen', ['meine Schichten sehen', 'mit Kollegen tauschen']],
    ],
  },
  es: {
    story: (g) => `Como compradora quiero ${g} para que encuentre regalos.`,
    objects: ['ver el envío, el pago y la revisión en una página', 'comparar precio, plazo de entrega y valoración'],
    verbs: [['subir y recortar mi foto', ['subir', 'recortar mi foto']]],
  },
  fr: {
    story: (g) => `En tant qu'acheteuse, je veux ${g} afin de trouver des cadeaux.`,
    objects: ['voir la livraison, le paiement et le récapitulatif sur une page', 'comparer le prix, le délai et la note'],
    verbs: [
      ['télécharger et recadrer ma photo', ['télécharger', 'recadrer ma photo']],
      ["dupliquer un devis et l'envoyer au client", ['dupliquer un devis', "l'envoyer au client"]],
      ['annoter les copies et les rendre aux élèves', ['annoter les copies', 'les rendre aux élèves']],
    ],
  },
  it: {
    story: (g) => `Come acquirente voglio ${g} così che trovi regali.`,
    objects: ['vedere spedizione, pagamento e riepilogo in una pagina', 'confrontare prezzo, tempi di consegna e valutazione'],
    verbs: [['caricare e ritagliare la mia foto', ['caricare', 'ritagliare la mia foto']]],
  },
  nl: {
    story: (g) => `Als koper wil ik ${g} zodat ik cadeaus vind.`,
    objects: ['verzending, betaling en overzicht op één pagina zien', 'de prijzen en levertijden vergelijken', 'prijzen en levertijden vergelijken'],
    verbs: [
      ['mijn foto uploaden en bijsnijden', ['mijn foto uploaden', 'bijsnijden']],
      ['mijn rooster inzien en lessen ruilen met een collega', ['mijn rooster inzien', 'lessen ruilen met een collega']],
    ],
  },
  pt: {
    story: (g) => `Como compradora quero ${g} para que encontre presentes.`,
    objects: ['ver o envio, o pagamento e o resumo numa página', 'comparar preço, prazo de entrega e avaliação'],
    verbs: [
      ['enviar e recortar minha foto', ['enviar', 'recortar minha foto']],
      ['baixar o holerite e pedir adiantamento pelo celular', ['baixar o holerite', 'pedir adiantamento pelo celular']],
    ],
  },
};

describe('single-goal in every language: verbs joined are two goals, objects listed are one', () => {
  for (const [lang, l] of Object.entries(LANGS)) {
    it.each(l.objects)(`${lang}: no alarm on a list of objects: "%s"`, (goal) => {
      expect(finding('single-goal', l.story(goal))).toBeUndefined();
    });
    it.each(l.verbs)(`${lang}: an alarm on verbs joined: "%s"`, (goal, parts) => {
      expect(finding('single-goal', l.story(goal))?.message).toBe(`The story asks for ${parts.length} things at once: ${parts.map((p) => `"${p}"`).join(', ')}.`);
    });
  }
});
