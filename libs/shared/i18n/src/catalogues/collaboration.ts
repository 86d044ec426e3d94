/**
 * Working tables and technical groups (libs/server/collaboration and features/collaboration): the
 * domain's shared messages and errors, the table request, confirmation and review pages.
 */
export const collaboration = {
  es: {
    spaceStatus_REQUESTED: 'Solicitada',
    spaceStatus_CHANGES_REQUESTED: 'Cambios solicitados',
    spaceStatus_OPEN: 'Abierta',
    spaceStatus_DECLINED: 'Rechazada',
    spaceStatus_CLOSED: 'Cerrada',
    partyStatus_PENDING: 'Pendiente de confirmación',
    partyStatus_CONFIRMED: 'Confirmada',
    partyStatus_DECLINED: 'Declinada',
    notFound: 'No encontramos esta mesa de trabajo o grupo, o no tiene acceso a él.',
    closedReadOnly: 'Este espacio está cerrado: es un archivo de solo lectura.',
  },
  en: {
    spaceStatus_REQUESTED: 'Requested',
    spaceStatus_CHANGES_REQUESTED: 'Changes requested',
    spaceStatus_OPEN: 'Open',
    spaceStatus_DECLINED: 'Declined',
    spaceStatus_CLOSED: 'Closed',
    partyStatus_PENDING: 'Awaiting confirmation',
    partyStatus_CONFIRMED: 'Confirmed',
    partyStatus_DECLINED: 'Declined',
    notFound: 'We could not find this working table or group, or you do not have access to it.',
    closedReadOnly: 'This space is closed: it is a read-only archive.',
  },
  pt: {
    spaceStatus_REQUESTED: 'Solicitada',
    spaceStatus_CHANGES_REQUESTED: 'Alterações solicitadas',
    spaceStatus_OPEN: 'Aberta',
    spaceStatus_DECLINED: 'Recusada',
    spaceStatus_CLOSED: 'Encerrada',
    partyStatus_PENDING: 'Aguardando confirmação',
    partyStatus_CONFIRMED: 'Confirmada',
    partyStatus_DECLINED: 'Recusada',
    notFound: 'Não encontramos esta mesa de trabalho ou grupo, ou você não tem acesso a ele.',
    closedReadOnly: 'Este espaço está encerrado: é um arquivo somente para leitura.',
  },
  fr: {
    spaceStatus_REQUESTED: 'Demandée',
    spaceStatus_CHANGES_REQUESTED: 'Modifications demandées',
    spaceStatus_OPEN: 'Ouverte',
    spaceStatus_DECLINED: 'Refusée',
    spaceStatus_CLOSED: 'Close',
    partyStatus_PENDING: 'En attente de confirmation',
    partyStatus_CONFIRMED: 'Confirmée',
    partyStatus_DECLINED: 'Déclinée',
    notFound: 'Nous n’avons pas trouvé cette table de travail ou ce groupe, ou vous n’y avez pas accès.',
    closedReadOnly: 'Cet espace est clos : c’est une archive en lecture seule.',
  },
};
