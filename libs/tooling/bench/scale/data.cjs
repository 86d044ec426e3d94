// Fictional vocabulary for `npm run seed:scale`: names, organisations, courses, workshops, posts for
// Latin America and the Caribbean in the region's languages. Every person and body here is invented;
// only the countries and the alliance's themes are real (see the seeds beside DESIGN.md).

/** Rough relative size of each country's education community, so big countries carry more people. */
const COUNTRY_WEIGHTS = {
  BR: 30, MX: 22, CO: 10, AR: 9, PE: 7, VE: 5, CL: 5, EC: 4, GT: 4, BO: 3, CU: 3, DO: 3, HN: 2.5, PY: 2, SV: 2, NI: 2, CR: 2, PA: 1.5, UY: 1.5, HT: 3,
  JM: 1.5, TT: 1, GY: 0.6, SR: 0.5, BZ: 0.5, BS: 0.4, BB: 0.4, LC: 0.3, GD: 0.3, VC: 0.3, AG: 0.3, DM: 0.3, KN: 0.3,
};

/** The language people of a country read the portal in by default. */
const ENGLISH = new Set(['AG', 'BS', 'BB', 'BZ', 'DM', 'GD', 'GY', 'JM', 'KN', 'LC', 'VC', 'TT', 'SR']);
function countryLocale(code) {
  if (code === 'BR') return 'pt';
  if (code === 'HT') return 'fr';
  if (ENGLISH.has(code)) return 'en';
  return 'es';
}

const TIME_ZONES = {
  AR: 'America/Argentina/Buenos_Aires', BO: 'America/La_Paz', BR: 'America/Sao_Paulo', CL: 'America/Santiago', CO: 'America/Bogota', EC: 'America/Guayaquil',
  GY: 'America/Guyana', PY: 'America/Asuncion', PE: 'America/Lima', SR: 'America/Paramaribo', UY: 'America/Montevideo', VE: 'America/Caracas',
  BZ: 'America/Belize', CR: 'America/Costa_Rica', SV: 'America/El_Salvador', GT: 'America/Guatemala', HN: 'America/Tegucigalpa', MX: 'America/Mexico_City',
  NI: 'America/Managua', PA: 'America/Panama', AG: 'America/Antigua', BS: 'America/Nassau', BB: 'America/Barbados', CU: 'America/Havana',
  DM: 'America/Dominica', DO: 'America/Santo_Domingo', GD: 'America/Grenada', HT: 'America/Port-au-Prince', JM: 'America/Jamaica', KN: 'America/St_Kitts',
  LC: 'America/St_Lucia', VC: 'America/St_Vincent', TT: 'America/Port_of_Spain',
};

const FIRST = {
  es: ['María', 'José', 'Ana', 'Luis', 'Carmen', 'Jorge', 'Rosa', 'Carlos', 'Lucía', 'Andrés', 'Patricia', 'Miguel', 'Gabriela', 'Javier', 'Valentina', 'Diego', 'Camila', 'Fernando', 'Isabel', 'Ricardo', 'Daniela', 'Alejandro', 'Verónica', 'Sergio', 'Paola', 'Héctor', 'Mariana', 'Raúl', 'Claudia', 'Eduardo', 'Natalia', 'Óscar', 'Yolanda', 'Mauricio', 'Lorena', 'Gustavo', 'Ximena', 'Rodrigo', 'Silvia', 'Ernesto', 'Beatriz', 'Hugo', 'Teresa', 'Marcela', 'Joaquín', 'Adriana', 'Ramiro', 'Florencia', 'Wilmer', 'Sofía'],
  pt: ['João', 'Maria', 'Ana', 'Pedro', 'Fernanda', 'Lucas', 'Juliana', 'Rafael', 'Beatriz', 'Gustavo', 'Camila', 'Thiago', 'Larissa', 'Bruno', 'Patrícia', 'Felipe', 'Aline', 'Rodrigo', 'Mariana', 'Marcelo', 'Luana', 'Diego', 'Renata', 'Paulo', 'Tatiane', 'André', 'Vanessa', 'Leonardo', 'Cláudia', 'Márcio', 'Débora', 'Fábio', 'Priscila', 'Rogério', 'Simone', 'Vinícius', 'Adriana', 'Caio', 'Letícia', 'Sérgio'],
  en: ['Kevin', 'Shanice', 'Andre', 'Keisha', 'Dwayne', 'Tamara', 'Marlon', 'Kimberly', 'Jermaine', 'Natasha', 'Ryan', 'Alicia', 'Shawn', 'Michelle', 'Derrick', 'Sharon', 'Trevor', 'Nadine', 'Curtis', 'Simone', 'Desmond', 'Gillian', 'Rohan', 'Camille', 'Winston', 'Sasha', 'Dexter', 'Anika', 'Everton', 'Petra'],
  fr: ['Jean', 'Marie', 'Pierre', 'Rose', 'Jacques', 'Nadège', 'Emmanuel', 'Guerline', 'Stanley', 'Mirlande', 'Wilson', 'Fabiola', 'Frantz', 'Nathalie', 'Jean-Robert', 'Esther', 'Ricardo', 'Lovely', 'Wesner', 'Judith'],
};
const LAST = {
  es: ['González', 'Rodríguez', 'Gómez', 'Fernández', 'López', 'Martínez', 'Pérez', 'García', 'Sánchez', 'Romero', 'Quispe', 'Mamani', 'Flores', 'Vargas', 'Castillo', 'Herrera', 'Rojas', 'Morales', 'Ortiz', 'Jiménez', 'Chávez', 'Ramírez', 'Torres', 'Ruiz', 'Mendoza', 'Aguilar', 'Navarro', 'Cruz', 'Villalobos', 'Salazar', 'Guzmán', 'Cabrera', 'Huamán', 'Condori', 'Benítez', 'Acosta', 'Medina', 'Cáceres', 'Paredes', 'Sandoval', 'Ríos', 'Espinoza', 'Cordero', 'Valdés', 'Arias', 'Ñáñez', 'Zúñiga', 'Peña', 'Solís', 'Cano'],
  pt: ['Silva', 'Santos', 'Oliveira', 'Souza', 'Pereira', 'Lima', 'Carvalho', 'Ferreira', 'Rodrigues', 'Almeida', 'Costa', 'Gomes', 'Martins', 'Araújo', 'Ribeiro', 'Barbosa', 'Cardoso', 'Rocha', 'Dias', 'Nascimento', 'Moreira', 'Teixeira', 'Mendes', 'Freitas', 'Correia', 'Monteiro', 'Batista', 'Conceição', 'Vieira', 'Nunes'],
  en: ['Thomas', 'Williams', 'Brown', 'Campbell', 'Charles', 'Joseph', 'Baptiste', 'Edwards', 'James', 'Henry', 'Francis', 'Alexander', 'Richards', 'Grant', 'Clarke', 'Mohammed', 'Ramdial', 'Persaud', 'Singh', 'Bailey', 'Morrison', 'Lewis', 'Phillip', 'St. Rose', 'Daniel'],
  fr: ['Jean-Baptiste', 'Pierre', 'Joseph', 'Louis', 'Charles', 'Saint-Fleur', 'Dorvil', 'Désir', 'Théodore', 'Augustin', 'Étienne', 'Noël', 'Fils-Aimé', 'Célestin', 'Alexis', 'Michel', 'Bien-Aimé', 'Jeune', 'Lafleur', 'Toussaint'],
};

const MINISTRY = {
  es: (country) => `Ministerio de Educación de ${country}`,
  pt: (country) => `Ministério da Educação do ${country}`,
  en: (country) => `Ministry of Education of ${country}`,
  fr: (country) => `Ministère de l’Éducation nationale d’${country}`,
};

const ORG_TYPES = [
  { w: 30, v: 'NGO' },
  { w: 18, v: 'NETWORK' },
  { w: 20, v: 'UNIVERSITY_RESEARCH' },
  { w: 12, v: 'OTHER_PUBLIC_BODY' },
  { w: 6, v: 'INTERNATIONAL_ORGANISATION' },
  { w: 8, v: 'PRIVATE_SECTOR' },
  { w: 6, v: 'OTHER' },
];
const ORG_NAMES = {
  es: {
    NGO: ['Fundación {p}', 'Asociación Civil Educar en {p}', 'Fundación Aprender Juntos {p}', 'Colectivo Escuela Viva {p}'],
    NETWORK: ['Red de Escuelas Rurales de {p}', 'Red de Docentes Innovadores {p}', 'Red de Educación Inicial {p}'],
    UNIVERSITY_RESEARCH: ['Universidad Pedagógica de {p}', 'Instituto de Investigación Educativa {p}', 'Centro de Estudios en Educación {p}'],
    OTHER_PUBLIC_BODY: ['Secretaría de Educación de {p}', 'Instituto Nacional de Formación Docente {p}', 'Agencia de Evaluación Educativa {p}'],
    INTERNATIONAL_ORGANISATION: ['Oficina Regional de Cooperación Educativa {p}', 'Programa Iberoamericano de Aprendizaje {p}'],
    PRIVATE_SECTOR: ['EduTec {p}', 'Editorial Saberes {p}', 'Laboratorio de Aprendizaje Digital {p}'],
    OTHER: ['Observatorio Ciudadano de la Educación {p}', 'Consejo Comunitario Educativo {p}'],
  },
  pt: {
    NGO: ['Instituto {p}', 'Associação Educar em {p}', 'Fundação Aprender Juntos {p}', 'Coletivo Escola Viva {p}'],
    NETWORK: ['Rede de Escolas do Campo de {p}', 'Rede de Professores Inovadores {p}', 'Rede de Educação Infantil {p}'],
    UNIVERSITY_RESEARCH: ['Universidade Federal Fictícia de {p}', 'Núcleo de Pesquisa em Educação {p}', 'Centro de Estudos Educacionais {p}'],
    OTHER_PUBLIC_BODY: ['Secretaria Municipal de Educação de {p}', 'Conselho Estadual de Educação {p}'],
    INTERNATIONAL_ORGANISATION: ['Escritório de Cooperação Educacional {p}'],
    PRIVATE_SECTOR: ['EduTec {p}', 'Editora Saberes {p}'],
    OTHER: ['Observatório da Educação {p}'],
  },
  en: {
    NGO: ['{p} Literacy Foundation', '{p} Education Trust', 'Learning Together {p}'],
    NETWORK: ['{p} Teachers’ Network', '{p} Early Childhood Network', 'Caribbean Schools Network {p}'],
    UNIVERSITY_RESEARCH: ['{p} Teachers’ College', 'Institute for Education Research {p}'],
    OTHER_PUBLIC_BODY: ['{p} Examinations Council', '{p} National Training Agency'],
    INTERNATIONAL_ORGANISATION: ['Regional Education Cooperation Office {p}'],
    PRIVATE_SECTOR: ['EduTech {p}', '{p} Learning Press'],
    OTHER: ['{p} Parents’ Education Council'],
  },
  fr: {
    NGO: ['Fondation {p} pour l’Éducation', 'Association Apprendre Ensemble {p}'],
    NETWORK: ['Réseau des Écoles Communautaires {p}', 'Réseau des Enseignants {p}'],
    UNIVERSITY_RESEARCH: ['Institut de Recherche en Éducation {p}', 'École Normale Supérieure {p}'],
    OTHER_PUBLIC_BODY: ['Direction Départementale de l’Éducation {p}'],
    INTERNATIONAL_ORGANISATION: ['Bureau Régional de Coopération Éducative {p}'],
    PRIVATE_SECTOR: ['ÉduTech {p}'],
    OTHER: ['Observatoire Citoyen de l’Éducation {p}'],
  },
};

// Invented place names built from syllables (no real town is meant).
const SYLLABLES = ['ta', 'cu', 'ma', 're', 'pa', 'qui', 'lla', 'hua', 'co', 'ran', 'yo', 'mi', 'sa', 'tu', 'ne', 'cha', 'go', 'pi', 'la', 'ra', 'to', 'ca', 'mo', 'ri', 'nu', 'ya', 'lo', 'ti', 'gua', 'pe', 'chi', 'que', 'ba', 'do', 'ro', 'vi', 'za'];

// Course and workshop themes from the alliance's focus (capacity-building plan, evidence bank).
const TOPICS = [
  { es: 'Innovación educativa', pt: 'Inovação educacional', en: 'Educational innovation', fr: 'Innovation éducative' },
  { es: 'Evaluación formativa', pt: 'Avaliação formativa', en: 'Formative assessment', fr: 'Évaluation formative' },
  { es: 'Alfabetización inicial', pt: 'Alfabetização inicial', en: 'Early literacy', fr: 'Alphabétisation initiale' },
  { es: 'Inteligencia artificial en la educación', pt: 'Inteligência artificial na educação', en: 'Artificial intelligence in education', fr: 'Intelligence artificielle en éducation' },
  { es: 'Gestión del cambio educativo', pt: 'Gestão da mudança educacional', en: 'Managing educational change', fr: 'Conduite du changement éducatif' },
  { es: 'Educación intercultural bilingüe', pt: 'Educação intercultural bilíngue', en: 'Intercultural bilingual education', fr: 'Éducation interculturelle bilingue' },
  { es: 'Inclusión educativa', pt: 'Inclusão educacional', en: 'Inclusive education', fr: 'Éducation inclusive' },
  { es: 'Liderazgo directivo', pt: 'Liderança escolar', en: 'School leadership', fr: 'Direction d’établissement' },
  { es: 'Educación de la primera infancia', pt: 'Educação da primeira infância', en: 'Early childhood education', fr: 'Éducation de la petite enfance' },
  { es: 'Prevención del abandono escolar', pt: 'Prevenção da evasão escolar', en: 'Preventing school dropout', fr: 'Prévention du décrochage scolaire' },
  { es: 'Ciudadanía digital', pt: 'Cidadania digital', en: 'Digital citizenship', fr: 'Citoyenneté numérique' },
  { es: 'Educación climática', pt: 'Educação climática', en: 'Climate education', fr: 'Éducation au climat' },
  { es: 'Enseñanza de las matemáticas', pt: 'Ensino de matemática', en: 'Mathematics teaching', fr: 'Enseignement des mathématiques' },
  { es: 'Convivencia escolar', pt: 'Convivência escolar', en: 'School climate', fr: 'Climat scolaire' },
  { es: 'Políticas de formación docente', pt: 'Políticas de formação docente', en: 'Teacher education policy', fr: 'Politiques de formation des enseignants' },
  { es: 'Datos para la toma de decisiones', pt: 'Dados para a tomada de decisão', en: 'Data for decision-making', fr: 'Données pour la prise de décision' },
  { es: 'Educación en situaciones de emergencia', pt: 'Educação em situações de emergência', en: 'Education in emergencies', fr: 'Éducation en situation d’urgence' },
  { es: 'Educación técnico-profesional', pt: 'Educação profissional e técnica', en: 'Technical and vocational education', fr: 'Enseignement technique et professionnel' },
  { es: 'Financiamiento educativo', pt: 'Financiamento da educação', en: 'Education financing', fr: 'Financement de l’éducation' },
  { es: 'Aprendizaje socioemocional', pt: 'Aprendizagem socioemocional', en: 'Social and emotional learning', fr: 'Apprentissage socio-émotionnel' },
];
const COURSE_ANGLES = [
  { es: 'primeros pasos', pt: 'primeiros passos', en: 'first steps', fr: 'premiers pas' },
  { es: 'diseño e implementación', pt: 'desenho e implementação', en: 'design and implementation', fr: 'conception et mise en œuvre' },
  { es: 'para equipos técnicos ministeriales', pt: 'para equipes técnicas ministeriais', en: 'for ministry technical teams', fr: 'pour les équipes techniques des ministères' },
  { es: 'en la práctica del aula', pt: 'na prática de sala de aula', en: 'in classroom practice', fr: 'dans la pratique de classe' },
  { es: 'evaluación de programas', pt: 'avaliação de programas', en: 'programme evaluation', fr: 'évaluation de programmes' },
  { es: 'escalamiento de experiencias', pt: 'ampliação de experiências', en: 'scaling up what works', fr: 'passage à l’échelle' },
];
const EDITION = { es: 'edición', pt: 'edição', en: 'edition', fr: 'édition' };
const SUMMARY = {
  es: (t) => `Curso de la Alianza sobre ${t.toLowerCase()}: conceptos clave, experiencias de la región y herramientas para aplicar en su contexto.`,
  pt: (t) => `Curso da Aliança sobre ${t.toLowerCase()}: conceitos-chave, experiências da região e ferramentas para aplicar no seu contexto.`,
  en: (t) => `An Alliance course on ${t.toLowerCase()}: key ideas, experiences from the region and tools to apply in your own context.`,
  fr: (t) => `Un cours de l’Alliance sur ${t.toLowerCase()} : notions clés, expériences de la région et outils à appliquer dans votre contexte.`,
};
const AUDIENCE = {
  es: 'Equipos técnicos de ministerios de educación, docentes y directivos.',
  pt: 'Equipes técnicas de ministérios da educação, professores e gestores.',
  en: 'Ministry of education technical teams, teachers and school leaders.',
  fr: 'Équipes techniques des ministères de l’éducation, enseignants et directions.',
};
const MODULE = { es: 'Módulo', pt: 'Módulo', en: 'Module', fr: 'Module' };
const LESSON_TOPICS = [
  { es: 'Por qué importa', pt: 'Por que importa', en: 'Why it matters', fr: 'Pourquoi c’est important' },
  { es: 'Conceptos clave', pt: 'Conceitos-chave', en: 'Key concepts', fr: 'Notions clés' },
  { es: 'Experiencias de la región', pt: 'Experiências da região', en: 'Experiences from the region', fr: 'Expériences de la région' },
  { es: 'Herramientas para el diagnóstico', pt: 'Ferramentas para o diagnóstico', en: 'Tools for diagnosis', fr: 'Outils de diagnostic' },
  { es: 'Planificar la implementación', pt: 'Planejar a implementação', en: 'Planning the rollout', fr: 'Planifier la mise en œuvre' },
  { es: 'Seguimiento y evaluación', pt: 'Monitoramento e avaliação', en: 'Monitoring and evaluation', fr: 'Suivi et évaluation' },
  { es: 'Trabajo con las familias', pt: 'Trabalho com as famílias', en: 'Working with families', fr: 'Travailler avec les familles' },
  { es: 'Estudio de caso', pt: 'Estudo de caso', en: 'Case study', fr: 'Étude de cas' },
  { es: 'Actividad de cierre', pt: 'Atividade de encerramento', en: 'Closing activity', fr: 'Activité de clôture' },
];
const LESSON_BODY = {
  es: 'En esta lección revisamos ideas centrales y ejemplos de escuelas de la región. Al final, anote dos acciones que podría aplicar con su equipo.',
  pt: 'Nesta lição revisamos ideias centrais e exemplos de escolas da região. No final, anote duas ações que poderia aplicar com sua equipe.',
  en: 'In this lesson we review the central ideas and examples from schools in the region. At the end, note two actions you could take with your team.',
  fr: 'Dans cette leçon, nous passons en revue les idées centrales et des exemples d’écoles de la région. À la fin, notez deux actions à mener avec votre équipe.',
};
const WORKSHOP_KIND = [
  { es: 'Taller regional', pt: 'Oficina regional', en: 'Regional workshop', fr: 'Atelier régional' },
  { es: 'Seminario web', pt: 'Webinário', en: 'Webinar', fr: 'Webinaire' },
  { es: 'Encuentro de puntos focales', pt: 'Encontro de pontos focais', en: 'Focal points meeting', fr: 'Rencontre des points focaux' },
  { es: 'Laboratorio de innovación', pt: 'Laboratório de inovação', en: 'Innovation lab', fr: 'Laboratoire d’innovation' },
];
const WORKSHOP_DESCRIPTION = {
  es: 'Sesión de trabajo entre ministerios, redes y organizaciones de la región para compartir experiencias y acordar próximos pasos.',
  pt: 'Sessão de trabalho entre ministérios, redes e organizações da região para compartilhar experiências e combinar próximos passos.',
  en: 'A working session between ministries, networks and organisations of the region to share experiences and agree next steps.',
  fr: 'Séance de travail entre ministères, réseaux et organisations de la région pour partager des expériences et convenir des prochaines étapes.',
};

const TABLE_TITLES = [
  'Mesa de trabajo sobre {t}',
  'Mesa técnica: {t}',
  'Grupo de intercambio: {t}',
  'Mesa ministerial de {t}',
];
const THREAD_TITLES = {
  es: ['Propuesta de agenda para la próxima sesión', 'Avances del diagnóstico nacional', 'Documento de trabajo: comentarios', 'Indicadores comunes: ¿cuáles usar?', 'Experiencias piloto en escuelas rurales', 'Calendario de compromisos', 'Relatoría de la sesión anterior'],
  pt: ['Proposta de pauta para a próxima sessão', 'Avanços do diagnóstico nacional', 'Documento de trabalho: comentários', 'Indicadores comuns: quais usar?', 'Experiências piloto em escolas do campo'],
  en: ['Proposed agenda for the next session', 'Progress on the national diagnosis', 'Working paper: comments', 'Common indicators: which ones?', 'Pilots in rural schools'],
  fr: ['Proposition d’ordre du jour', 'Avancées du diagnostic national', 'Document de travail : commentaires', 'Indicateurs communs : lesquels ?'],
};
const POST_SENTENCES = {
  es: ['Gracias por compartir el documento.', 'En nuestro país avanzamos con la consulta a docentes.', 'Sugiero incluir un indicador de asistencia.', 'Podemos presentar los resultados del piloto en la próxima sesión.', 'Estamos de acuerdo con la propuesta de calendario.', 'Adjunto las observaciones del equipo técnico.', 'Falta definir quién coordina el siguiente período.', 'La experiencia en escuelas multigrado fue muy positiva.'],
  pt: ['Obrigado por compartilhar o documento.', 'No nosso país avançamos com a consulta aos professores.', 'Sugiro incluir um indicador de frequência.', 'Podemos apresentar os resultados do piloto na próxima sessão.', 'Concordamos com a proposta de calendário.', 'Seguem as observações da equipe técnica.'],
  en: ['Thank you for sharing the document.', 'In our country we moved ahead with the teacher consultation.', 'I suggest adding an attendance indicator.', 'We can present the pilot results at the next session.', 'We agree with the proposed calendar.', 'Please find the technical team’s comments attached.'],
  fr: ['Merci pour le partage du document.', 'Dans notre pays, la consultation des enseignants avance.', 'Je propose d’ajouter un indicateur d’assiduité.', 'Nous pouvons présenter les résultats du pilote à la prochaine séance.', 'Nous sommes d’accord avec le calendrier proposé.'],
};

// Evidence bank vocabulary (kept smaller than the search benchmark's: this data set is for the API).
const EVIDENCE_KINDS = {
  CASE_STUDY: { es: 'un estudio de caso', pt: 'um estudo de caso', en: 'a case study', fr: 'une étude de cas' },
  GOOD_PRACTICE: { es: 'una buena práctica', pt: 'uma boa prática', en: 'a good practice', fr: 'une bonne pratique' },
  POLICY_DOCUMENT: { es: 'lineamientos de política', pt: 'diretrizes de política', en: 'policy guidelines', fr: 'des orientations politiques' },
  RESEARCH: { es: 'resultados de investigación', pt: 'resultados de pesquisa', en: 'research findings', fr: 'des résultats de recherche' },
  DATASET: { es: 'datos abiertos', pt: 'dados abertos', en: 'open data', fr: 'des données ouvertes' },
  TOOLKIT: { es: 'una guía práctica', pt: 'um guia prático', en: 'a practical toolkit', fr: 'un guide pratique' },
  VIDEO: { es: 'una serie de videos', pt: 'uma série de vídeos', en: 'a video series', fr: 'une série de vidéos' },
  OTHER: { es: 'notas de trabajo', pt: 'notas de trabalho', en: 'working notes', fr: 'des notes de travail' },
};
const EVIDENCE_SETTINGS = [
  { es: 'escuelas rurales', pt: 'escolas rurais', en: 'rural schools', fr: 'écoles rurales' },
  { es: 'escuelas multigrado', pt: 'escolas multisseriadas', en: 'multigrade schools', fr: 'classes multiniveaux' },
  { es: 'comunidades indígenas', pt: 'comunidades indígenas', en: 'indigenous communities', fr: 'communautés autochtones' },
  { es: 'zonas urbanas vulnerables', pt: 'periferias urbanas', en: 'disadvantaged urban areas', fr: 'quartiers urbains défavorisés' },
  { es: 'liceos públicos', pt: 'escolas públicas de ensino médio', en: 'public secondary schools', fr: 'lycées publics' },
];
const EVIDENCE_FINDINGS = [
  { es: 'mejoras sostenidas en la comprensión lectora', pt: 'melhorias sustentadas na compreensão leitora', en: 'sustained gains in reading comprehension', fr: 'des progrès durables en compréhension de lecture' },
  { es: 'una reducción de la repetición escolar', pt: 'uma redução da reprovação escolar', en: 'lower grade repetition', fr: 'une baisse du redoublement' },
  { es: 'mayor asistencia y permanencia', pt: 'maior frequência e permanência', en: 'higher attendance and retention', fr: 'une meilleure assiduité' },
  { es: 'prácticas pedagógicas más colaborativas', pt: 'práticas pedagógicas mais colaborativas', en: 'more collaborative teaching practices', fr: 'des pratiques pédagogiques plus collaboratives' },
  { es: 'un uso más frecuente de la evaluación formativa', pt: 'uso mais frequente da avaliação formativa', en: 'more frequent use of formative assessment', fr: 'un recours plus fréquent à l’évaluation formative' },
];
const EVIDENCE_SENTENCES = {
  es: (c) => `Este documento presenta ${c.kind} sobre ${c.topic.toLowerCase()} en ${c.setting} de ${c.country}. El trabajo analiza ${c.schools} escuelas entre ${c.year - 2} y ${c.year}. Los resultados muestran ${c.finding}. Participaron escuelas de ${c.place}.`,
  pt: (c) => `Este documento apresenta ${c.kind} sobre ${c.topic.toLowerCase()} em ${c.setting} de ${c.country}. O trabalho analisa ${c.schools} escolas entre ${c.year - 2} e ${c.year}. Os resultados mostram ${c.finding}. Participaram escolas de ${c.place}.`,
  en: (c) => `This document presents ${c.kind} on ${c.topic.toLowerCase()} in ${c.setting} of ${c.country}. The work looks at ${c.schools} schools between ${c.year - 2} and ${c.year}. The results show ${c.finding}. Schools from ${c.place} took part.`,
  fr: (c) => `Ce document présente ${c.kind} sur ${c.topic.toLowerCase()} dans ${c.setting} de ${c.country}. Le travail porte sur ${c.schools} écoles entre ${c.year - 2} et ${c.year}. Les résultats montrent ${c.finding}. Des écoles de ${c.place} y ont participé.`,
};

module.exports = {
  COUNTRY_WEIGHTS,
  countryLocale,
  TIME_ZONES,
  FIRST,
  LAST,
  MINISTRY,
  ORG_TYPES,
  ORG_NAMES,
  SYLLABLES,
  TOPICS,
  COURSE_ANGLES,
  EDITION,
  SUMMARY,
  AUDIENCE,
  MODULE,
  LESSON_TOPICS,
  LESSON_BODY,
  WORKSHOP_KIND,
  WORKSHOP_DESCRIPTION,
  TABLE_TITLES,
  THREAD_TITLES,
  POST_SENTENCES,
  EVIDENCE_KINDS,
  EVIDENCE_SETTINGS,
  EVIDENCE_FINDINGS,
  EVIDENCE_SENTENCES,
};
