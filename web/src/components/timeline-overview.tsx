// The timeline's overview: events per day as bars (uPlot). Dragging across it picks a date
// range (uPlot's cursor.drag selection, read in the setSelect hook); the chosen range stays drawn
// as the selection. Days are UTC calendar days. The days with events are also listed as links
// behind a <details>, so the keyboard has the same zoom.
import { useEffect, useRef } from 'react';
import { Link } from 'wouter';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { DAY, dayAxis, dayOf, daySeconds, utcDate } from '../lib/chart-days';

function drawRange(u: uPlot, since: string | undefined, until: string | undefined) {
  const [min, max] = [u.scales.x?.min ?? 0, u.scales.x?.max ?? 0];
  if (!since && !until) {
    u.setSelect({ left: 0, top: 0, width: 0, height: 0 }, false);
    return;
  }
  const from = since ? Math.max(min, daySeconds(since) - DAY / 2) : min;
  const to = until ? Math.min(max, daySeconds(until) + DAY / 2) : max;
  const left = u.valToPos(from, 'x');
  const right = u.valToPos(to, 'x');
  u.setSelect({ left, top: 0, width: Math.max(2, right - left), height: u.bbox.height / devicePixelRatio }, false);
}

export function TimelineOverview({ days, counts, since, until, onRange, caption, linkFor }: {
  days: string[];
  counts: number[];
  since?: string;
  until?: string;
  onRange: (since: string, until: string) => void;
  caption: string;
  /** The timeline URL for one day (the keyboard's way to zoom). */
  linkFor: (day: string) => string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const plot = useRef<uPlot | null>(null);
  const onRangeRef = useRef(onRange);
  onRangeRef.current = onRange;
  const range = useRef({ since, until });
  range.current = { since, until };

  useEffect(() => {
    const el = box.current;
    if (!el || days.length === 0) return;
    const x = days.map(daySeconds);
    const opts: uPlot.Options = {
      width: Math.max(260, el.clientWidth),
      height: 130,
      legend: { show: false },
      tzDate: utcDate,
      cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
      // One day alone would give a zero-width scale: pad it by half a day each side.
      scales: { x: { time: true, range: (_u, lo, hi) => [lo - DAY / 2, hi + DAY / 2] }, y: { range: (_u, _lo, hi) => [0, Math.max(1, hi)] } },
      series: [{}, { label: 'events', stroke: '#1a5276', fill: '#1a527688', paths: uPlot.paths.bars!({ size: [0.8, 18] }), points: { show: false } }],
      axes: [dayAxis, { size: 36 }],
      hooks: {
        setSelect: [
          (u) => {
            if (u.select.width < 4) return;
            const from = dayOf(u.posToVal(u.select.left, 'x'));
            const to = dayOf(u.posToVal(u.select.left + u.select.width, 'x'));
            if (from <= to) onRangeRef.current(from, to);
          },
        ],
        ready: [(u) => drawRange(u, range.current.since, range.current.until)],
      },
    };
    const p = new uPlot(opts, [x, counts], el);
    plot.current = p;
    const resize = new ResizeObserver(() => {
      p.setSize({ width: Math.max(260, el.clientWidth), height: 130 });
      drawRange(p, range.current.since, range.current.until);
    });
    resize.observe(el);
    return () => {
      resize.disconnect();
      p.destroy();
      plot.current = null;
    };
  }, [days, counts]);

  useEffect(() => {
    if (plot.current) drawRange(plot.current, since, until);
  }, [since, until]);

  const withEvents = days.map((d, i) => [d, counts[i] ?? 0] as const).filter(([, n]) => n > 0);
  return (
    <figure className="chart tl-overview">
      <figcaption>{caption}</figcaption>
      <div ref={box} className="chart-box" role="img" aria-label={`${caption}. Drag across the chart to show only those days.`} />
      <p className="hint">Drag across the bars to show only those days; or type the dates above.</p>
      <details>
        <summary>Days with events ({withEvents.length})</summary>
        <ul className="tl-days">
          {withEvents.map(([d, n]) => (
            <li key={d}>
              <Link href={linkFor(d)}>{d}</Link> <span className="muted">{n}</span>
            </li>
          ))}
        </ul>
      </details>
    </figure>
  );
}
