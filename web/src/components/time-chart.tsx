// Time-series charts with uPlot (small and fast): one x axis of days, several lines, optional
// marked points (spikes, turning points). The chart follows its container's width. A table of
// the same numbers sits behind a <details> for keyboard and screen-reader users.
import { useEffect, useRef } from 'react';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { dayAxis, daySeconds, utcDate } from '../lib/chart-days';
import { bridgeShortGaps, isolatedPoints } from '../lib/gaps';

export interface Series {
  label: string;
  values: (number | null)[];
  color: string;
  /** Draw as bars (counts) instead of a line. */
  bars?: boolean;
}

export interface Mark {
  index: number;
  label: string;
}

/** Rings around the marked points of the first series, drawn on the plot's canvas. */
function drawMarks(u: uPlot, marks: Mark[]): void {
  const ctx = u.ctx;
  ctx.save();
  ctx.strokeStyle = '#f39c12';
  ctx.lineWidth = 3 * devicePixelRatio;
  for (const m of marks) {
    const x = u.data[0][m.index];
    const y = u.data[1]?.[m.index];
    if (x === undefined || y === null || y === undefined) continue;
    ctx.beginPath();
    ctx.arc(u.valToPos(x, 'x', true), u.valToPos(y, 'y', true), 7 * devicePixelRatio, 0, 2 * Math.PI);
    ctx.stroke();
  }
  ctx.restore();
}

export function TimeChart({ days, series, marks = [], height = 220, title, yRange }: { days: string[]; series: Series[]; marks?: Mark[]; height?: number; title: string; yRange?: [number, number] }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = box.current;
    if (!el || days.length === 0) return;
    const lines = series.map((s) => (s.bars ? s.values : bridgeShortGaps(s.values)));
    const opts: uPlot.Options = {
      width: Math.max(280, el.clientWidth),
      height,
      legend: { show: true },
      scales: { x: { time: true }, ...(yRange ? { y: { range: yRange } } : {}) },
      series: [
        {},
        ...series.map((s, si) => ({
          label: s.label,
          stroke: s.color,
          fill: s.bars ? s.color + '55' : undefined,
          paths: s.bars ? uPlot.paths.bars!({ size: [0.6, 24] }) : undefined,
          // Few days: a dot on every value; many: dots only where no line shows the value.
          points: days.length < 60 ? { show: true } : { show: false, filter: () => isolatedPoints(lines[si]!) },
          width: 2,
        })),
      ],
      tzDate: utcDate,
      axes: [dayAxis, { size: 48 }],
      hooks: { draw: [(u: uPlot) => drawMarks(u, marks)] },
    };
    const plot = new uPlot(opts, [days.map(daySeconds), ...lines] as uPlot.AlignedData, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
  }, [days, series, marks, height, yRange]);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <div ref={box} className="chart-box" />
      {marks.length ? (
        <ul className="marks" aria-label={`${title}: marked points`}>
          {marks.map((m) => (
            <li key={m.index}>
              <span className="mark-dot" aria-hidden="true" /> {days[m.index]}: {m.label}
            </li>
          ))}
        </ul>
      ) : null}
      <details>
        <summary>Data table</summary>
        <table>
          <thead>
            <tr>
              <th>day</th>
              {series.map((s) => (
                <th key={s.label}>{s.label}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {days.map((d, i) => (
              <tr key={d}>
                <td>{d}</td>
                {series.map((s) => (
                  <td key={s.label}>{s.values[i] ?? '–'}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
