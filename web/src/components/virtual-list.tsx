// Long lists render only the rows in view (@tanstack/react-virtual): a live feed or a timeline
// can hold thousands of rows without slowing the page. Rows are measured after rendering, so
// they may have any height. Optionally a row can be scrolled to and focused (scrollToKey), e.g.
// the event a link points at.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';

export interface VirtualListProps<T> {
  items: T[];
  estimate?: number;
  render: (item: T, index: number) => ReactNode;
  label: string;
  keyOf: (item: T) => string | number;
  /** Called when the last row comes into view (again on each render while it is): load the next page. */
  onEnd?: () => void;
  /**
   * The key of a row to bring to the top of the list and focus: the first element with a
   * tabindex inside the row (give the row's content tabIndex={-1}) gets keyboard focus once
   * rendered. Scrolls when the key appears or scrollRequest changes, not when rows are added.
   */
  scrollToKey?: string | number | null;
  /** Changes each time the user asks to go to the row again (e.g. a new link to the same row). */
  scrollRequest?: string | number;
  /** Extra class on the scrolling element (its height, for one). */
  className?: string;
  /** aria-busy on the list, e.g. while the next page loads. */
  busy?: boolean;
}

export function VirtualList<T>({ items, estimate = 72, render, label, keyOf, onEnd, scrollToKey, scrollRequest, className, busy }: VirtualListProps<T>) {
  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: items.length, getScrollElement: () => parent.current, estimateSize: () => estimate, overscan: 8, getItemKey: (i) => keyOf(items[i]!) });
  const virtualItems = v.getVirtualItems();
  const last = virtualItems[virtualItems.length - 1];
  if (onEnd && last && last.index >= items.length - 1) queueMicrotask(onEnd);

  const target = scrollToKey === undefined || scrollToKey === null ? -1 : items.findIndex((item) => keyOf(item) === scrollToKey);
  const found = target >= 0;
  useEffect(() => {
    if (!found) return;
    v.scrollToIndex(target, { align: 'start' });
    // The row renders after the scroll: focus it then (which also brings the list into the page's view).
    let frame = 0;
    let tries = 0;
    const tick = () => {
      const el = parent.current?.querySelector<HTMLElement>(`[data-index="${target}"] [tabindex]`);
      if (el) el.focus();
      else if (tries++ < 30) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
    // Only a new request (or the row arriving) scrolls; more rows loading must not pull the view back.
  }, [scrollToKey, scrollRequest, found]);

  return (
    <div ref={parent} className={className ? `vlist ${className}` : 'vlist'} role="list" aria-label={label} aria-busy={busy} tabIndex={0}>
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
