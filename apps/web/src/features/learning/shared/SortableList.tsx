import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { ActionIcon, Box, Group, Paper } from '@mantine/core';
import {
  DndContext,
  KeyboardSensor,
  PointerSensor,
  closestCenter,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type ScreenReaderInstructions,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { SortableContext, arrayMove, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from '@dnd-kit/sortable';
import { CSS } from '@dnd-kit/utilities';
import { useTranslation } from 'react-i18next';

export interface SortableListProps<T> {
  items: T[];
  getId: (item: T) => string;
  /** The item's name, read out while it is moved. */
  getName: (item: T) => string;
  /** Called with the item and its 0-based target position once a move is dropped or a button pressed. */
  onMove: (item: T, position: number) => Promise<unknown> | void;
  renderItem: (item: T, index: number) => ReactNode;
  /** While a move is saved the handles and buttons are disabled. */
  busy?: boolean;
  testId?: string;
}

function SortableRow({
  id,
  name,
  index,
  count,
  busy,
  onStep,
  children,
}: {
  id: string;
  name: string;
  index: number;
  count: number;
  busy: boolean;
  onStep: (delta: number) => void;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, disabled: busy });
  return (
    <Paper
      component="li"
      withBorder
      p="xs"
      ref={setNodeRef}
      data-sortable-index={index}
      style={{ transform: CSS.Transform.toString(transform), transition, opacity: isDragging ? 0.7 : 1, listStyle: 'none' }}
    >
      <Group wrap="nowrap" align="flex-start" gap="xs">
        <Group gap={2} wrap="nowrap">
          <ActionIcon
            variant="subtle"
            color="gray.8"
            ref={setActivatorNodeRef}
            {...attributes}
            {...listeners}
            aria-label={t('learningUi:dragHandle', { name })}
            data-testid={`drag-${id}`}
            style={{ cursor: busy ? 'default' : 'grab', touchAction: 'none' }}
          >
            <span aria-hidden="true">⠿</span>
          </ActionIcon>
          <ActionIcon variant="subtle" color="gray.8" disabled={busy || index === 0} onClick={() => onStep(-1)} aria-label={t('learningUi:moveUp', { name })} data-testid={`up-${id}`}>
            <span aria-hidden="true">↑</span>
          </ActionIcon>
          <ActionIcon
            variant="subtle"
            color="gray.8"
            disabled={busy || index === count - 1}
            onClick={() => onStep(1)}
            aria-label={t('learningUi:moveDown', { name })}
            data-testid={`down-${id}`}
          >
            <span aria-hidden="true">↓</span>
          </ActionIcon>
        </Group>
        <Box style={{ flex: 1, minWidth: 0 }}>{children}</Box>
      </Group>
    </Paper>
  );
}

/**
 * An ordered list people can rearrange with the mouse, a finger, or the keyboard (focus the handle,
 * Space to lift, arrows to move, Space to drop, Escape to cancel), with every step announced in the
 * reader's language; the up/down buttons are the plain fallback. The new order shows at once and the
 * saved order from the API replaces it.
 */
export function SortableList<T>({ items, getId, getName, onMove, renderItem, busy = false, testId }: SortableListProps<T>) {
  const { t } = useTranslation();
  const [order, setOrder] = useState<string[]>(() => items.map(getId));
  const byId = useMemo(() => new Map(items.map((item) => [getId(item), item])), [items, getId]);
  useEffect(() => setOrder(items.map(getId)), [items, getId]);
  const shown = order.map((id) => byId.get(id)).filter((item): item is T => item !== undefined);

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const nameOf = (id: UniqueIdentifier) => {
    const item = byId.get(String(id));
    return item ? getName(item) : '';
  };
  const positionOf = (id: UniqueIdentifier) => order.indexOf(String(id)) + 1;
  const announcements: Announcements = {
    onDragStart: ({ active }) => t('learningUi:dndPickedUp', { name: nameOf(active.id), position: positionOf(active.id), count: order.length }),
    onDragOver: ({ active, over }) =>
      over ? t('learningUi:dndOver', { name: nameOf(active.id), position: positionOf(over.id), count: order.length }) : t('learningUi:dndOutside', { name: nameOf(active.id) }),
    onDragEnd: ({ active, over }) =>
      over ? t('learningUi:dndDropped', { name: nameOf(active.id), position: positionOf(over.id), count: order.length }) : t('learningUi:dndOutside', { name: nameOf(active.id) }),
    onDragCancel: ({ active }) => t('learningUi:dndCancelled', { name: nameOf(active.id) }),
  };
  const screenReaderInstructions: ScreenReaderInstructions = { draggable: t('learningUi:dndInstructions') };

  const move = (id: string, to: number) => {
    const from = order.indexOf(id);
    const item = byId.get(id);
    if (from < 0 || to < 0 || to >= order.length || from === to || !item) return;
    setOrder((current) => arrayMove(current, from, to));
    const saving = onMove(item, to);
    // A failed save puts the list back in the order the API holds.
    if (saving) void Promise.resolve(saving).catch(() => setOrder(items.map(getId)));
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    move(String(active.id), order.indexOf(String(over.id)));
  };

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements, screenReaderInstructions }}>
      <SortableContext items={order} strategy={verticalListSortingStrategy}>
        <Box component="ol" m={0} p={0} style={{ display: 'flex', flexDirection: 'column', gap: 8 }} data-testid={testId}>
          {shown.map((item, index) => {
            const id = getId(item);
            return (
              <SortableRow key={id} id={id} name={getName(item)} index={index} count={shown.length} busy={busy} onStep={(delta) => move(id, index + delta)}>
                {renderItem(item, index)}
              </SortableRow>
            );
          })}
        </Box>
      </SortableContext>
    </DndContext>
  );
}
