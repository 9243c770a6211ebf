// Placeholder until the screen is built.
export function Trends() {
  return <h1>Trends</h1>;
}
