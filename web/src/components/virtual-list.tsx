// Long lists render only the rows in view (@tanstack/react-virtual): a live feed or a timeline
// can hold thousands of rows without slowing the page. Rows are measured after rendering, so
// they may have any height.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, type ReactNode } from 'react';

export function VirtualList<T>({ items, estimate = 72, render, label, keyOf, onEnd }: { items: T[]; estimate?: number; render: (item: T, index: number) => ReactNode; label: string; keyOf: (item: T) => string | number; onEnd?: () => void }) {
  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: items.length, getScrollElement: () => parent.current, estimateSize: () => estimate, overscan: 8, getItemKey: (i) => keyOf(items[i]!) });
  const virtualItems = v.getVirtualItems();
  const last = virtualItems[virtualItems.length - 1];
  if (onEnd && last && last.index >= items.length - 1) queueMicrotask(onEnd);
  return (
    <div ref={parent} className="vlist" role="list" aria-label={label} tabIndex={0}>
      <div className="vlist-inner" style={{ height: v.getTotalSize() }}>
        {virtualItems.map((row) => (
          <div key={row.key} role="listitem" data-index={row.index} ref={v.measureElement} className="vlist-row" style={{ transform: `translateY(${row.start}px)` }}>
            {render(items[row.index]!, row.index)}
          </div>
        ))}
      </div>
    </div>
  );
}
