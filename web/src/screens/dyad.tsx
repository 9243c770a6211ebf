// Placeholder until the screen is built.
export function Dyad() {
  return <h1>Dyad</h1>;
}
