import { Center, Loader, VisuallyHidden } from '@mantine/core';

/**
 * A spinner that screen readers announce: the label lives in a status region, because an
 * aria-label on Mantine's Loader (a plain span) is a prohibited ARIA attribute.
 */
export function Loading({ label }: { label: string }) {
  return (
    <Center py="xl" role="status">
      <Loader aria-hidden="true" />
      <VisuallyHidden>{label}</VisuallyHidden>
    </Center>
  );
}
