// Cooperation–conflict intensity (−10 … +10, Goldstein-like) as a coloured badge, so a reader
// sees the tone of an event at a glance; the number and words are there for colour-blind users.
export function intensityClass(v: number): string {
  if (v <= -5) return 'int-hostile';
  if (v < 0) return 'int-negative';
  if (v === 0) return 'int-neutral';
  if (v < 5) return 'int-positive';
  return 'int-cooperative';
}

export function Intensity({ value }: { value: number }) {
  const word = value < 0 ? 'conflict' : value > 0 ? 'cooperation' : 'neutral';
  return (
    <span className={`intensity ${intensityClass(value)}`} title={`intensity ${value} (${word})`}>
      {value > 0 ? '+' : ''}
      {value.toFixed(1).replace(/\.0$/, '')}
    </span>
  );
}
