import { Suspense, useEffect, useState } from 'react';
import { Outlet, useLocation, Link } from 'react-router';
import { Anchor, AppShell, Box, Burger, Button, Container, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Role } from '@alliance/shared-core';
import { useSession } from './session';
import { LanguageSwitcher } from './LanguageSwitcher';
import { useAdoptUserLocale } from './useLocaleSwitch';
import { ErrorBoundary } from './ErrorBoundary';
import { Loading } from './Loading';
import { NavLinks, type NavItem } from './NavLinks';
import { lazyWithMessages } from './lazyWithMessages';

// Signed-in only (the menu brings the floating-ui positioning code and its own texts): kept out of the first load.
const UserMenu = lazyWithMessages(() => import('./UserMenu').then((m) => ({ default: m.UserMenu })));
const NotificationBell = lazyWithMessages(() => import('./NotificationBell').then((m) => ({ default: m.NotificationBell })));
// The phone menu loads when first opened (it brings the modal, scroll-lock and focus-trap code).
const MobileNav = lazyWithMessages(() => import('./MobileNav').then((m) => ({ default: m.MobileNav })));


function useNavItems(): NavItem[] {
  const { t } = useTranslation();
  const { me, isAdmin } = useSession();
  const items: NavItem[] = [{ to: '/', label: t('nav:home') }];
  items.push({ to: '/alliance/directory', label: t('nav:directory') });
  items.push({ to: '/courses', label: t('nav:courses') });
  items.push({ to: '/workshops', label: t('nav:workshops') });
  items.push({ to: '/evidence', label: t('nav:evidence') });
  if (me) {
    items.push({ to: '/learning', label: t('nav:myLearning') });
    // Management pages are in the user menu too: listed in the phone drawer only, so the header fits one line.
    if (isAdmin || me.roles.includes(Role.Organiser)) items.push({ to: '/manage/courses', label: t('nav:manageCourses'), drawerOnly: true });
    if (isAdmin || me.roles.includes(Role.Organiser)) items.push({ to: '/manage/workshops', label: t('nav:manageWorkshops'), drawerOnly: true });
    items.push({ to: '/my/evidence', label: t('nav:myEvidence'), drawerOnly: true });
    if (isAdmin || me.roles.includes(Role.Organiser)) items.push({ to: '/manage/evidence', label: t('nav:reviewEvidence'), drawerOnly: true });
    // Private spaces between member organisations; also in the user menu.
    items.push({ to: '/tables', label: t('nav:tables'), drawerOnly: true });
    items.push({ to: '/groups', label: t('nav:groups'), drawerOnly: true });
    if (isAdmin || me.roles.includes(Role.Moderator)) items.push({ to: '/manage/tables', label: t('nav:reviewTables'), drawerOnly: true });
    // Also in the user menu and the bell: listed in the phone drawer only, so the header fits one line.
    items.push({ to: '/profile', label: t('nav:profile'), drawerOnly: true });
    items.push({ to: '/certificates', label: t('nav:myCertificates'), drawerOnly: true });
    items.push({ to: '/notifications', label: t('nav:notifications'), drawerOnly: true });
    if (isAdmin) items.push({ to: '/admin/users', label: t('nav:adminUsers'), drawerOnly: true });
  } else {
    items.push({ to: '/sign-in', label: t('nav:signIn') }, { to: '/sign-up', label: t('nav:signUp') });
    items.push({ to: '/verify', label: t('nav:verifyCertificate') });
  }
  return items;
}

export function Layout() {
  const { t } = useTranslation();
  const location = useLocation();
  const { me, isAdmin } = useSession();
  const [drawerOpen, drawer] = useDisclosure(false);
  const [drawerUsed, setDrawerUsed] = useState(false);
  useEffect(() => {
    if (drawerOpen) setDrawerUsed(true);
  }, [drawerOpen]);
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
            {me && (
              <Suspense fallback={null}>
                <NotificationBell />
              </Suspense>
            )}
            {me ? (
              <Suspense fallback={null}>
                <UserMenu me={me} isAdmin={isAdmin} />
              </Suspense>
            ) : (
              <Button component={Link} to="/sign-in" size="sm" visibleFrom="xs">
                {t('nav:signIn')}
              </Button>
            )}
          </Group>
        </Group>
      </AppShell.Header>

      {(drawerUsed || drawerOpen) && (
        <Suspense fallback={null}>
          <MobileNav opened={drawerOpen} onClose={drawer.close} items={items} />
        </Suspense>
      )}

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
