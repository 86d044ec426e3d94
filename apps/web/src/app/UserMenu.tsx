import { Avatar, Button, Menu, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { UserFields } from '../graphql/operations';
import { Role } from '@alliance/shared-core';
import { useSignOut } from './useSignOut';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}

export function UserMenu({ me, isAdmin }: { me: UserFields; isAdmin: boolean }) {
  const { t } = useTranslation();
  const { signOut } = useSignOut();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          data-testid="user-menu"
          variant="subtle"
          color="dark"
          px="xs"
          aria-label={`${t('nav:userMenu')}: ${me.name}`}
          leftSection={
            <Avatar size={28} color="blue" radius="xl" aria-hidden="true">
              {initials(me.name)}
            </Avatar>
          }
        >
          <Text component="span" visibleFrom="sm" maw={180} truncate="end" inherit>
            {me.name}
          </Text>
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{me.email}</Menu.Label>
        <Menu.Item component={Link} to="/profile">
          {t('nav:profile')}
        </Menu.Item>
        <Menu.Item component={Link} to="/certificates">
          {t('nav:myCertificates')}
        </Menu.Item>
        {isAdmin && (
          <Menu.Item component={Link} to="/admin/users">
            {t('nav:adminUsers')}
          </Menu.Item>
        )}
        {isAdmin && (
          <Menu.Item component={Link} to="/admin/certificates">
            {t('certificatesUi:navAdminCertificates')}
          </Menu.Item>
        )}
        <Menu.Item component={Link} to="/alliance/organisations">
          {t('allianceUi:navMyOrganisations')}
        </Menu.Item>
        <Menu.Item component={Link} to="/alliance/apply">
          {t('allianceUi:navApply')}
        </Menu.Item>
        <Menu.Item component={Link} to="/alliance/applications">
          {t('allianceUi:navMyApplications')}
        </Menu.Item>
        {isAdmin && (
          <Menu.Item component={Link} to="/admin/applications">
            {t('allianceUi:navAdminApplications')}
          </Menu.Item>
        )}
        {isAdmin && (
          <Menu.Item component={Link} to="/admin/alliance">
            {t('allianceDirectory:navDashboard')}
          </Menu.Item>
        )}
        {isAdmin && (
          <Menu.Item component={Link} to="/admin/alliance/reference">
            {t('allianceDirectory:navReference')}
          </Menu.Item>
        )}
        <Menu.Item component={Link} to="/my/workshops" data-testid="nav-my-workshops">
          {t('workshopParticipant:navMyWorkshops')}
        </Menu.Item>
        {(isAdmin || me.roles.includes(Role.Organiser)) && (
          <Menu.Item component={Link} to="/manage/workshops" data-testid="nav-manage-workshops">
            {t('nav:manageWorkshops')}
          </Menu.Item>
        )}
        {(isAdmin || me.roles.includes(Role.Organiser)) && (
          <Menu.Item component={Link} to="/manage/courses" data-testid="nav-manage-courses">
            {t('nav:manageCourses')}
          </Menu.Item>
        )}
        <Menu.Item component={Link} to="/my/evidence" data-testid="nav-my-evidence">
          {t('nav:myEvidence')}
        </Menu.Item>
        {(isAdmin || me.roles.includes(Role.Organiser)) && (
          <Menu.Item component={Link} to="/manage/evidence" data-testid="nav-review-evidence">
            {t('nav:reviewEvidence')}
          </Menu.Item>
        )}
        <Menu.Item component={Link} to="/tables" data-testid="nav-tables">
          {t('nav:tables')}
        </Menu.Item>
        <Menu.Item component={Link} to="/groups" data-testid="nav-groups">
          {t('nav:groups')}
        </Menu.Item>
        {(isAdmin || me.roles.includes(Role.Moderator)) && (
          <Menu.Item component={Link} to="/manage/tables" data-testid="nav-review-tables">
            {t('nav:reviewTables')}
          </Menu.Item>
        )}
        <Menu.Item component={Link} to="/settings/notifications">
          {t('notifications:navPreferences')}
        </Menu.Item>
        {isAdmin && (
          <Menu.Item component={Link} to="/admin/queues">
            {t('notifications:navQueues')}
          </Menu.Item>
        )}
        {isAdmin && (
          <Menu.Item component={Link} to="/admin/audit" data-testid="nav-audit-log">
            {t('audit:navLabel')}
          </Menu.Item>
        )}
        <Menu.Divider />
        <Menu.Item data-testid="sign-out" onClick={() => void signOut().catch(() => undefined)}>
          {t('nav:signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
