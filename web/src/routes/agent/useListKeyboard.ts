// j / k move through the list, Enter opens, / jumps to search. Physical keys, so the shortcuts
// sit in the same place on Arabic, Russian, Kazakh and Azerbaijani keyboard layouts.
import { useHotkeys } from '@mantine/hooks';
import { type RefObject, useEffect, useState } from 'react';

export function useListKeyboard<T extends { id: string }>(
  items: T[],
  open: (item: T) => void,
  searchRef: RefObject<HTMLInputElement | null>,
) {
  const [active, setActive] = useState(-1);
  const count = items.length;
  // keep the cursor on the list as it shrinks or refreshes
  useEffect(() => setActive((i) => Math.min(i, count - 1)), [count]);

  const move = (delta: number) => {
    if (!count) return;
    setActive((i) => {
      const next = Math.max(0, Math.min(count - 1, i < 0 ? 0 : i + delta));
      // focus follows the cursor, so screen readers announce the case and Enter opens its link
      document.querySelector<HTMLElement>(`#case-row-${items[next]?.id} a`)?.focus();
      return next;
    });
  };

  useHotkeys([
    ['j', () => move(1), { usePhysicalKeys: true }],
    ['k', () => move(-1), { usePhysicalKeys: true }],
    ['/', () => searchRef.current?.focus(), { usePhysicalKeys: true }],
    [
      'Enter',
      (event) => {
        // a focused link or button handles Enter itself
        if (event.target !== document.body) return;
        const item = items[active];
        if (item) open(item);
      },
      { preventDefault: false },
    ],
  ]);

  return { active, setActive };
}
