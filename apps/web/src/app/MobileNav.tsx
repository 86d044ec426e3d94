import { Drawer } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLinks, type NavItem } from './NavLinks';

/** The phone navigation drawer (loaded on first use, see Layout). */
export function MobileNav({ opened, onClose, items }: { opened: boolean; onClose: () => void; items: NavItem[] }) {
  const { t } = useTranslation();
  return (
    // Composed by hand so the drawer's header is a plain div: a second <header> would be a second banner landmark.
      <Drawer.Root opened={opened} onClose={onClose} id="mobile-navigation" size="xs">
        <Drawer.Overlay />
        <Drawer.Content>
          <Drawer.Header component="div">
            <Drawer.Title>{t('nav:menu')}</Drawer.Title>
            <Drawer.CloseButton aria-label={t('nav:closeMenu')} />
          </Drawer.Header>
          <Drawer.Body>
            <nav aria-label={t('nav:mainNavigation')}>
              <NavLinks items={items} vertical onNavigate={onClose} />
            </nav>
          </Drawer.Body>
        </Drawer.Content>
      </Drawer.Root>
  );
}
