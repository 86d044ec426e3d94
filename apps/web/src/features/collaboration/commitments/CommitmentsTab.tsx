import type { SpaceTabProps } from '../shared/spaceTab';

// Placeholder created with the skeleton; replaced by the real tab.
export function CommitmentsTab(_props: SpaceTabProps) {
  return null;
}
