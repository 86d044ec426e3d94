import { Suspense, useEffect } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation, Link } from 'react-router';
import { Anchor, AppShell, Box, Burger, Button, Container, Drawer, Group, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Role } from '@alliance/shared-core';
import { useSession } from './session';
import { LanguageSwitcher } from './LanguageSwitcher';
import { UserMenu } from './UserMenu';
import { NotificationBell } from './NotificationBell';
import { useAdoptUserLocale } from './useLocaleSwitch';
import { ErrorBoundary } from './ErrorBoundary';
import { Loading } from './Loading';

interface NavItem {
  to: string;
  label: string;
  /** Reachable from the header by other means (user menu, bell): listed only in the phone drawer. */
  drawerOnly?: boolean;
}

function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const { me, isAdmin } = useSession();
  const items: NavItem[] = [{ to: '/', label: t('nav:home') }];
  items.push({ to: '/alliance/directory', label: t('allianceDirectory:navDirectory') });
  items.push({ to: '/courses', label: t('learningUi:navCourses') });
  items.push({ to: '/workshops', label: t('workshopsUi:navWorkshops') });
  items.push({ to: '/evidence', label: t('evidenceUi:navEvidence') });
  if (me) {
    items.push({ to: '/learning', label: t('learnerUi:navMyLearning') });
    // Management pages are in the user menu too: listed in the phone drawer only, so the header fits one line.
    if (isAdmin || me.roles.includes(Role.Organiser)) items.push({ to: '/manage/courses', label: t('learningUi:navManageCourses'), drawerOnly: true });
    if (isAdmin || me.roles.includes(Role.Organiser)) items.push({ to: '/manage/workshops', label: t('workshopsUi:navManageWorkshops'), drawerOnly: true });
    items.push({ to: '/my/evidence', label: t('evidenceSubmit:navMyEvidence'), drawerOnly: true });
    if (isAdmin || me.roles.includes(Role.Organiser)) items.push({ to: '/manage/evidence', label: t('evidenceSubmit:navReviewEvidence'), drawerOnly: true });
    // Private spaces between member organisations; also in the user menu.
    items.push({ to: '/tables', label: t('collaboration:navTables'), drawerOnly: true });
    items.push({ to: '/groups', label: t('collaboration:navGroups'), drawerOnly: true });
    if (isAdmin || me.roles.includes(Role.Moderator)) items.push({ to: '/manage/tables', label: t('collaboration:navReviewTables'), drawerOnly: true });
    // Also in the user menu and the bell: listed in the phone drawer only, so the header fits one line.
    items.push({ to: '/profile', label: t('nav:profile'), drawerOnly: true });
    items.push({ to: '/certificates', label: t('certificatesUi:navMyCertificates'), drawerOnly: true });
    items.push({ to: '/notifications', label: t('notifications:navNotifications'), drawerOnly: true });
    if (isAdmin) items.push({ to: '/admin/users', label: t('nav:adminUsers'), drawerOnly: true });
  } else {
    items.push({ to: '/sign-in', label: t('nav:signIn') }, { to: '/sign-up', label: t('nav:signUp') });
    items.push({ to: '/verify', label: t('certificatesUi:navVerify') });
  }
  return items;
}

function NavLinks({ items, vertical, onNavigate }: { items: NavItem[]; vertical?: boolean; onNavigate?: () => void }) {
  const Wrapper = vertical ? Stack : Group;
  return (
    <Wrapper component="ul" gap={vertical ? 'xs' : 'md'} m={0} p={0} style={{ listStyle: 'none' }}>
      {items.map((item) => (
        <li key={item.to}>
          <Anchor
            component={RouterNavLink}
            to={item.to}
            end
            className="nav-link"
            c="dark.9"
            fw={500}
            size={vertical ? 'lg' : 'md'}
            onClick={onNavigate}
          >
            {item.label}
          </Anchor>
        </li>
      ))}
    </Wrapper>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const { me, isAdmin } = useSession();
  const [drawerOpen, drawer] = useDisclosure(false);
  const items = useNavItems();
  useAdoptUserLocale();

  // A navigation from the drawer closes it.
  useEffect(() => {
    drawer.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only on location change
  }, [location.pathname]);

  return (
    <AppShell header={{ height: 64 }} padding="md">
      <a href="#main" className="skip-link">
        {t('nav:skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px={{ base: 'xs', xs: 'md' }} justify="space-between" wrap="nowrap" gap="sm">
          {/* The brand gives way (truncated, its full name in the title) so the header fits a 360 px phone. */}
          <Group gap="sm" wrap="nowrap" miw={0}>
            <Burger
              opened={drawerOpen}
              onClick={drawer.toggle}
              hiddenFrom="lg"
              size="sm"
              aria-label={drawerOpen ? t('nav:closeMenu') : t('nav:openMenu')}
              aria-expanded={drawerOpen}
              aria-controls="mobile-navigation"
            />
            <Anchor component={Link} to="/" c="blue.9" fw={700} size="lg" underline="never" title={t('common:appName')} truncate="end" miw={0}>
              {t('common:appShortName')}
            </Anchor>
            <Box component="nav" aria-label={t('nav:mainNavigation')} visibleFrom="lg" ml="lg">
              <NavLinks items={items.filter((item) => !item.drawerOnly)} />
            </Box>
          </Group>
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
            <LanguageSwitcher />
            {me && <NotificationBell />}
            {me ? (
              <UserMenu me={me} isAdmin={isAdmin} />
            ) : (
              <Button component={Link} to="/sign-in" size="sm" visibleFrom="xs">
                {t('nav:signIn')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>

      {/* Composed by hand so the drawer's header is a plain div: a second <header> would be a second banner landmark. */}
      <Drawer.Root opened={drawerOpen} onClose={drawer.close} id="mobile-navigation" size="xs">
        <Drawer.Overlay />
        <Drawer.Content>
          <Drawer.Header component="div">
            <Drawer.Title>{t('nav:menu')}</Drawer.Title>
            <Drawer.CloseButton aria-label={t('nav:closeMenu')} />
          </Drawer.Header>
          <Drawer.Body>
            <nav aria-label={t('nav:mainNavigation')}>
              <NavLinks items={items} vertical onNavigate={drawer.close} />
            </nav>
          </Drawer.Body>
        </Drawer.Content>
      </Drawer.Root>

      <AppShell.Main id="main" tabIndex={-1}>
        <Container size="lg" px={0} py="md">
          <ErrorBoundary resetKey={location.pathname}>
            <Suspense
              fallback={
                <Loading label={t('nav:loading')} />
              }
            >
              <Outlet />
            </Suspense>
          </ErrorBoundary>
        </Container>
      </AppShell.Main>

      <Container component="footer" size="lg" py="lg" px="md">
        <Text size="sm" c="dimmed">
          {t('nav:footer')}
        </Text>
      </Container>
    </AppShell>
  );
}
