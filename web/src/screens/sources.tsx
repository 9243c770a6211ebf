// Placeholder until the screen is built.
export function Sources() {
  return <h1>Sources</h1>;
}
