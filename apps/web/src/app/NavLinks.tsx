import { NavLink as RouterNavLink } from 'react-router';
import { Anchor, Group, Stack } from '@mantine/core';

export interface NavItem {
  to: string;
  label: string;
  /** Reachable from the header by other means (user menu, bell): listed only in the phone drawer. */
  drawerOnly?: boolean;
}

export function NavLinks({ items, vertical, onNavigate }: { items: NavItem[]; vertical?: boolean; onNavigate?: () => void }) {
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
