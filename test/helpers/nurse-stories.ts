/** The same nurse's story in the seven languages: metric and table tests add their lines to it. */
export const NURSE_STORIES: Record<string, string> = {
  en: 'As a night nurse, I want a list of due doses so that no dose is late.',
  de: 'Als Pflegekraft möchte ich eine Liste fälliger Dosen, damit keine Dosis zu spät kommt.',
  es: 'Como enfermera quiero una lista de dosis pendientes para no llegar tarde.',
  fr: 'En tant qu’infirmière je veux la liste des doses dues afin de ne rien oublier.',
  it: 'Come infermiera voglio la lista delle dosi per non dimenticarne nessuna.',
  nl: 'Als verpleegkundige wil ik een lijst met doses zodat ik niets vergeet.',
  pt: 'Como enfermeira quero a lista de doses para não esquecer nenhuma.',
};
