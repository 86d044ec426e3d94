/** Namespace "learnerUi" (learning domain, issue 5). es, en, pt and fr must hold the same keys. */
export const learnerUi = {
  es: {
    title: 'Aprendizaje',
  },
  en: {
    title: 'Learning',
  },
  pt: {
    title: 'Aprendizagem',
  },
  fr: {
    title: 'Apprentissage',
  },
};
