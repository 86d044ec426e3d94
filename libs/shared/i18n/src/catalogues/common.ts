export const common = {
  es: {
    appName: 'Alianza para la Transformación Educativa',
    appShortName: 'Alianza ALC',
  },
  en: {
    appName: 'Alliance for Educational Transformation',
    appShortName: 'LAC Alliance',
  },
  pt: {
    appName: 'Aliança para a Transformação Educacional',
    appShortName: 'Aliança ALC',
  },
  fr: {
    appName: 'Alliance pour la transformation de l’éducation',
    appShortName: 'Alliance ALC',
  },
} as const;
