// Placeholder until the screen is built.
export function Briefs() {
  return <h1>Briefs</h1>;
}
