// The timeline's virtualised list (@tanstack/react-virtual, like components/virtual-list.tsx,
// which cannot scroll to a row): only rows in view are rendered, the next page is asked for as
// the end comes into view, and a focused event is scrolled to and given keyboard focus.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, type ReactNode } from 'react';
import type { TimelineEvent } from '../api/types';

export function TimelineList({ items, render, label, focusId, focusKey, onEnd, hasMore, loadingMore, loadedCount }: {
  items: TimelineEvent[];
  render: (e: TimelineEvent) => ReactNode;
  label: string;
  focusId: string | null;
  /** Changes each time the user asks to go to an event (a new link), so the list scrolls again. */
  focusKey: string;
  onEnd: () => void;
  hasMore: boolean;
  loadingMore: boolean;
  /** Events loaded, shown or not: a page that adds no visible row must still trigger the next. */
  loadedCount: number;
}) {
  const parent = useRef<HTMLDivElement>(null);
  const v = useVirtualizer({ count: items.length, getScrollElement: () => parent.current, estimateSize: () => 110, overscan: 6, getItemKey: (i) => items[i]!.id });
  const rows = v.getVirtualItems();
  const lastIndex = rows[rows.length - 1]?.index ?? -1;

  useEffect(() => {
    if (hasMore && !loadingMore && lastIndex >= items.length - 3) onEnd();
  }, [lastIndex, items.length, hasMore, loadingMore, loadedCount, onEnd]);

  const focusIndex = focusId ? items.findIndex((e) => e.id === focusId) : -1;
  const found = focusIndex >= 0;
  useEffect(() => {
    if (!found || !focusId) return;
    v.scrollToIndex(focusIndex, { align: 'start' });
    // The row renders after the scroll; give it focus (and bring the list into the page's view) then.
    let frame = 0;
    let tries = 0;
    const tick = () => {
      const el = parent.current?.querySelector<HTMLElement>(`[data-event-id="${focusId}"]`);
      if (el) el.focus();
      else if (tries++ < 30) frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
    // Only a new focus request scrolls; loading more pages must not pull the view back.
  }, [focusKey, found]);

  return (
    <div ref={parent} className="vlist tl-list" role="list" aria-label={label} aria-busy={loadingMore} tabIndex={0}>
      <div className="vlist-inner" style={{ height: v.getTotalSize() }}>
        {rows.map((row) => (
          <div key={row.key} role="listitem" data-index={row.index} ref={v.measureElement} className="vlist-row" style={{ transform: `translateY(${row.start}px)` }}>
            {render(items[row.index]!)}
          </div>
        ))}
      </div>
    </div>
  );
}
