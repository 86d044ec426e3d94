/** E-mail templates. `{{link}}` and `{{name}}` are filled in when the e-mail is rendered. */
export const email = {
  es: {
    invitationSubject: 'Invitación a «{{organisation}}» en la Alianza',
    invitationBody: 'Hola, {{name}}:\n\n{{inviter}} le invita a sumarse a «{{organisation}}» en el portal de la Alianza como $t(alliance:invitationRole_{{role}}).\n\nAbra este enlace (válido {{days}} días). Si todavía no tiene cuenta, regístrese con esta misma dirección de correo y luego acepte la invitación:\n\n{{link}}\n\nSi no esperaba esta invitación, ignore este mensaje.',
    signature: 'Alianza para la Transformación Educativa de América Latina y el Caribe',
    certificateIssuedSubject: 'Su certificado «{{title}}» está listo',
    certificateIssuedBody:
      'Hola, {{name}}:\n\nLe emitimos el certificado «{{title}}». Código de verificación: {{code}}. Cualquier persona puede comprobarlo aquí:\n\n{{verifyLink}}\n\nPara descargar el PDF y la credencial digital, cree una cuenta en el portal con este mismo correo y confírmelo:\n\n{{link}}',
    verifySubject: 'Confirme su correo electrónico',
    verifyBody:
      'Hola, {{name}}:\n\nGracias por registrarse en el portal de la Alianza. Para activar su cuenta, abra este enlace (válido {{hours}} horas):\n\n{{link}}\n\nSi usted no creó esta cuenta, ignore este mensaje.',
    resetSubject: 'Restablezca su contraseña',
    resetBody:
      'Hola, {{name}}:\n\nRecibimos una solicitud para restablecer su contraseña. Abra este enlace (válido {{minutes}} minutos) y elija una nueva:\n\n{{link}}\n\nSi usted no lo pidió, ignore este mensaje: su contraseña no cambia.',
    passwordChangedSubject: 'Su contraseña cambió',
    passwordChangedBody:
      'Hola, {{name}}:\n\nLa contraseña de su cuenta acaba de cambiar y cerramos sus otras sesiones. Si no fue usted, restablézcala de inmediato: {{link}}',
    learningInvitationSubject: 'Invitación al curso «{{course}}»',
    learningInvitationBody: 'Hola:\n\n{{inviter}} le inscribió en el curso «{{course}}» del portal de la Alianza.\n\nPara empezar, cree su cuenta con esta misma dirección de correo ({{email}}). Cuando confirme la dirección quedará inscrito automáticamente:\n\n{{link}}\n\nSi no esperaba esta invitación, ignore este mensaje.',
    workshopInvitationSubject: 'Invitación al taller «{{workshop}}»',
    workshopInvitationBody: 'Hola:\n\n{{inviter}} le invita al taller «{{workshop}}» del portal de la Alianza.\n\nVea el programa e inscríbase aquí (si aún no tiene cuenta, créela con esta misma dirección de correo, {{email}}):\n\n{{link}}\n\nSi no esperaba esta invitación, ignore este mensaje.',
  },
  en: {
    invitationSubject: 'Invitation to “{{organisation}}” in the Alliance',
    invitationBody: 'Hello {{name}},\n\n{{inviter}} invites you to join “{{organisation}}” on the Alliance portal as $t(alliance:invitationRole_{{role}}).\n\nOpen this link (valid for {{days}} days). If you do not have an account yet, sign up with this same e-mail address, then accept the invitation:\n\n{{link}}\n\nIf you were not expecting this invitation, ignore this message.',
    signature: 'Alliance for Educational Transformation in Latin America and the Caribbean',
    certificateIssuedSubject: 'Your certificate “{{title}}” is ready',
    certificateIssuedBody:
      'Hello {{name}},\n\nWe have issued your certificate “{{title}}”. Verification code: {{code}}. Anyone can check it here:\n\n{{verifyLink}}\n\nTo download the PDF and the digital credential, create an account on the portal with this same e-mail address and confirm it:\n\n{{link}}',
    verifySubject: 'Confirm your e-mail address',
    verifyBody:
      'Hello {{name}},\n\nThank you for signing up to the Alliance portal. To activate your account, open this link (valid for {{hours}} hours):\n\n{{link}}\n\nIf you did not create this account, ignore this message.',
    resetSubject: 'Reset your password',
    resetBody:
      'Hello {{name}},\n\nWe received a request to reset your password. Open this link (valid for {{minutes}} minutes) and choose a new one:\n\n{{link}}\n\nIf you did not ask for this, ignore this message: your password does not change.',
    passwordChangedSubject: 'Your password has changed',
    passwordChangedBody:
      'Hello {{name}},\n\nThe password of your account has just changed and we signed out your other sessions. If this was not you, reset it at once: {{link}}',
    learningInvitationSubject: 'Invitation to the course “{{course}}”',
    learningInvitationBody: 'Hello,\n\n{{inviter}} has enrolled you in the course “{{course}}” on the Alliance portal.\n\nTo start, create your account with this same e-mail address ({{email}}). Once you confirm the address you will be enrolled automatically:\n\n{{link}}\n\nIf you were not expecting this invitation, ignore this message.',
    workshopInvitationSubject: 'Invitation to the workshop “{{workshop}}”',
    workshopInvitationBody: 'Hello,\n\n{{inviter}} invites you to the workshop “{{workshop}}” on the Alliance portal.\n\nSee the programme and register here (if you do not have an account yet, create it with this same e-mail address, {{email}}):\n\n{{link}}\n\nIf you were not expecting this invitation, ignore this message.',
  },
  pt: {
    invitationSubject: 'Convite para «{{organisation}}» na Aliança',
    invitationBody: 'Olá, {{name}}!\n\n{{inviter}} convida você a participar de «{{organisation}}» no portal da Aliança como $t(alliance:invitationRole_{{role}}).\n\nAbra este link (válido por {{days}} dias). Se ainda não tem conta, cadastre-se com este mesmo e-mail e depois aceite o convite:\n\n{{link}}\n\nSe você não esperava este convite, ignore esta mensagem.',
    signature: 'Aliança para a Transformação Educacional da América Latina e do Caribe',
    certificateIssuedSubject: 'O seu certificado «{{title}}» está pronto',
    certificateIssuedBody:
      'Olá, {{name}}!\n\nEmitimos o seu certificado «{{title}}». Código de verificação: {{code}}. Qualquer pessoa pode conferi-lo aqui:\n\n{{verifyLink}}\n\nPara baixar o PDF e a credencial digital, crie uma conta no portal com este mesmo e-mail e confirme-o:\n\n{{link}}',
    verifySubject: 'Confirme o seu e-mail',
    verifyBody:
      'Olá, {{name}}:\n\nObrigado por se cadastrar no portal da Aliança. Para ativar a sua conta, abra este link (válido por {{hours}} horas):\n\n{{link}}\n\nSe você não criou esta conta, ignore esta mensagem.',
    resetSubject: 'Redefina a sua senha',
    resetBody:
      'Olá, {{name}}:\n\nRecebemos um pedido para redefinir a sua senha. Abra este link (válido por {{minutes}} minutos) e escolha uma nova:\n\n{{link}}\n\nSe você não pediu, ignore esta mensagem: a sua senha não muda.',
    passwordChangedSubject: 'A sua senha foi alterada',
    passwordChangedBody:
      'Olá, {{name}}:\n\nA senha da sua conta acaba de ser alterada e encerramos as suas outras sessões. Se não foi você, redefina-a imediatamente: {{link}}',
    learningInvitationSubject: 'Convite para o curso «{{course}}»',
    learningInvitationBody: 'Olá!\n\n{{inviter}} inscreveu você no curso «{{course}}» do portal da Aliança.\n\nPara começar, crie sua conta com este mesmo e-mail ({{email}}). Quando confirmar o endereço, você será inscrito automaticamente:\n\n{{link}}\n\nSe você não esperava este convite, ignore esta mensagem.',
    workshopInvitationSubject: 'Convite para a oficina «{{workshop}}»',
    workshopInvitationBody: 'Olá!\n\n{{inviter}} convida você para a oficina «{{workshop}}» do portal da Aliança.\n\nVeja a programação e inscreva-se aqui (se ainda não tem conta, crie-a com este mesmo e-mail, {{email}}):\n\n{{link}}\n\nSe você não esperava este convite, ignore esta mensagem.',
  },
  fr: {
    invitationSubject: 'Invitation à rejoindre « {{organisation}} » dans l’Alliance',
    invitationBody: 'Bonjour {{name}},\n\n{{inviter}} vous invite à rejoindre « {{organisation}} » sur le portail de l’Alliance en tant que $t(alliance:invitationRole_{{role}}).\n\nOuvrez ce lien (valable {{days}} jours). Si vous n’avez pas encore de compte, inscrivez-vous avec cette même adresse e-mail, puis acceptez l’invitation :\n\n{{link}}\n\nSi vous n’attendiez pas cette invitation, ignorez ce message.',
    signature: 'Alliance pour la transformation de l’éducation en Amérique latine et dans les Caraïbes',
    certificateIssuedSubject: 'Votre certificat « {{title}} » est prêt',
    certificateIssuedBody:
      'Bonjour {{name}},\n\nNous vous avons délivré le certificat « {{title}} ». Code de vérification : {{code}}. Chacun peut le vérifier ici :\n\n{{verifyLink}}\n\nPour télécharger le PDF et le justificatif numérique, créez un compte sur le portail avec cette même adresse e-mail et confirmez-la :\n\n{{link}}',
    verifySubject: 'Confirmez votre adresse e-mail',
    verifyBody:
      'Bonjour {{name}},\n\nMerci de vous être inscrit sur le portail de l’Alliance. Pour activer votre compte, ouvrez ce lien (valable {{hours}} heures) :\n\n{{link}}\n\nSi vous n’avez pas créé ce compte, ignorez ce message.',
    resetSubject: 'Réinitialisez votre mot de passe',
    resetBody:
      'Bonjour {{name}},\n\nNous avons reçu une demande de réinitialisation de votre mot de passe. Ouvrez ce lien (valable {{minutes}} minutes) et choisissez-en un nouveau :\n\n{{link}}\n\nSi vous n’avez rien demandé, ignorez ce message : votre mot de passe ne change pas.',
    passwordChangedSubject: 'Votre mot de passe a changé',
    passwordChangedBody:
      'Bonjour {{name}},\n\nLe mot de passe de votre compte vient de changer et nous avons fermé vos autres sessions. Si ce n’était pas vous, réinitialisez-le immédiatement : {{link}}',
    learningInvitationSubject: 'Invitation au cours « {{course}} »',
    learningInvitationBody: 'Bonjour,\n\n{{inviter}} vous a inscrit au cours « {{course}} » sur le portail de l’Alliance.\n\nPour commencer, créez votre compte avec cette même adresse e-mail ({{email}}). Dès que vous aurez confirmé l’adresse, vous serez inscrit automatiquement :\n\n{{link}}\n\nSi vous n’attendiez pas cette invitation, ignorez ce message.',
    workshopInvitationSubject: 'Invitation à l’atelier « {{workshop}} »',
    workshopInvitationBody: 'Bonjour,\n\n{{inviter}} vous invite à l’atelier « {{workshop}} » sur le portail de l’Alliance.\n\nConsultez le programme et inscrivez-vous ici (si vous n’avez pas encore de compte, créez-le avec cette même adresse e-mail, {{email}}) :\n\n{{link}}\n\nSi vous n’attendiez pas cette invitation, ignorez ce message.',
  },
} as const;
