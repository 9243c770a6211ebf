// The dyad's tone over time: each direction's mean intensity per bucket (−10 conflict … +10
// cooperation) as a line through the buckets where that side acted (buckets without events are
// skipped, not drawn as neutral), with the counts behind every point in a table.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import { bridgeShortGaps } from '../lib/gaps';
import 'uplot/dist/uPlot.min.css';
import type { DirectedSeries } from '../../../src/insights/trends';
import { DAY, dayAxis, daySeconds, utcDate } from '../lib/chart-days';
import { signed } from './dyad-insights';

const COLORS = ['#2471a3', '#d35400'];

function ToneTable({ directions }: { directions: [DirectedSeries, DirectedSeries] }) {
  const [ab, ba] = directions;
  const rows = ab.buckets.map((x, i) => [x, ba.buckets[i]] as const).filter(([x, y]) => x.events > 0 || (y?.events ?? 0) > 0);
  const cells = (b: DirectedSeries['buckets'][number] | undefined) => (b && b.events ? `${b.events} (${b.coop} coop., ${b.conflict} confl.), mean ${signed(b.meanIntensity ?? 0)}` : '–');
  return (
    <div className="dy-table">
      <table>
        <thead>
          <tr>
            <th>bucket</th>
            <th>
              {ab.from} → {ab.to}
            </th>
            <th>
              {ba.from} → {ba.to}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([x, y]) => (
            <tr key={x.bucket}>
              <td>{x.bucket}</td>
              <td>{cells(x)}</td>
              <td>{cells(y)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DyadToneChart({ directions, by }: { directions: [DirectedSeries, DirectedSeries]; by: 'day' | 'week' }) {
  const box = useRef<HTMLDivElement>(null);
  const title = `Mean tone per ${by}, each direction (−10 conflict … +10 cooperation)`;
  useEffect(() => {
    const el = box.current;
    const [ab, ba] = directions;
    if (!el || ab.buckets.length === 0) return;
    const x = ab.buckets.map((b) => daySeconds(b.bucket));
    const opts: uPlot.Options = {
      width: Math.max(260, el.clientWidth),
      height: 240,
      tzDate: utcDate,
      scales: { x: { time: true, range: (_u, lo, hi) => [lo - DAY / 2, hi + DAY / 2] }, y: { range: [-10, 10] } },
      series: [
        {},
        ...directions.map((d, i) => ({ label: `${d.from} → ${d.to}`, stroke: COLORS[i], width: 2, spanGaps: false, points: { show: true, size: 7, fill: COLORS[i] } })),
      ],
      axes: [dayAxis, { size: 40, splits: () => [-10, -5, 0, 5, 10] }],
    };
    const data = [x, bridgeShortGaps(ab.buckets.map((b) => b.meanIntensity)), bridgeShortGaps(ba.buckets.map((b) => b.meanIntensity))] as uPlot.AlignedData;
    const plot = new uPlot(opts, data, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(260, el.clientWidth), height: 240 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [directions]);
  return (
    <figure className="chart dy-chart">
      <figcaption>{title}</figcaption>
      <div ref={box} className="chart-box" role="img" aria-label={`${title}; the numbers are in the table below`} />
      <p className="hint">Drag across the chart to zoom in on some {by}s; double-click to see them all again.</p>
      <details>
        <summary>Events per {by}, both directions</summary>
        <ToneTable directions={directions} />
      </details>
    </figure>
  );
}
