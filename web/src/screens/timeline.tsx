// Placeholder until the screen is built.
export function Timeline() {
  return <h1>Timeline</h1>;
}
