/**
 * File uploads and downloads (libs/server/storage): the messages of UploadRefused codes, shown to
 * whoever uploads a file in any part of the portal.
 */
export const storage = {
  es: {
    fileMissing: 'Elija un archivo para subir.',
    fileEmpty: 'El archivo está vacío.',
    fileTooLarge: 'El archivo supera el tamaño máximo permitido.',
    fileTypeNotAllowed:
      'Tipo de archivo no admitido. Se aceptan PDF, Word, Excel y PowerPoint (doc, docx, xls, xlsx, ppt, pptx), OpenDocument (odt, ods, odp), CSV (UTF-8), PNG, JPEG, GIF y WebP.',
    uploadHeaderMissing: 'Solicitud rechazada: suba el archivo desde el portal.',
    uploadFailed: 'No se pudo recibir el archivo. Compruebe su conexión e inténtelo de nuevo.',
  },
  en: {
    fileMissing: 'Choose a file to upload.',
    fileEmpty: 'The file is empty.',
    fileTooLarge: 'The file exceeds the maximum size allowed.',
    fileTypeNotAllowed:
      'File type not accepted. Accepted: PDF, Word, Excel and PowerPoint (doc, docx, xls, xlsx, ppt, pptx), OpenDocument (odt, ods, odp), CSV (UTF-8), PNG, JPEG, GIF and WebP.',
    uploadHeaderMissing: 'Request refused: upload the file from the portal.',
    uploadFailed: 'The file could not be received. Check your connection and try again.',
  },
  pt: {
    fileMissing: 'Escolha um arquivo para enviar.',
    fileEmpty: 'O arquivo está vazio.',
    fileTooLarge: 'O arquivo ultrapassa o tamanho máximo permitido.',
    fileTypeNotAllowed:
      'Tipo de arquivo não aceito. São aceitos PDF, Word, Excel e PowerPoint (doc, docx, xls, xlsx, ppt, pptx), OpenDocument (odt, ods, odp), CSV (UTF-8), PNG, JPEG, GIF e WebP.',
    uploadHeaderMissing: 'Solicitação recusada: envie o arquivo pelo portal.',
    uploadFailed: 'Não foi possível receber o arquivo. Verifique sua conexão e tente novamente.',
  },
  fr: {
    fileMissing: 'Choisissez un fichier à téléverser.',
    fileEmpty: 'Le fichier est vide.',
    fileTooLarge: 'Le fichier dépasse la taille maximale autorisée.',
    fileTypeNotAllowed:
      'Type de fichier non accepté. Sont acceptés : PDF, Word, Excel et PowerPoint (doc, docx, xls, xlsx, ppt, pptx), OpenDocument (odt, ods, odp), CSV (UTF-8), PNG, JPEG, GIF et WebP.',
    uploadHeaderMissing: 'Requête refusée : téléversez le fichier depuis le portail.',
    uploadFailed: 'Le fichier n’a pas pu être reçu. Vérifiez votre connexion et réessayez.',
  },
};
