// Placeholder until the screen is built.
export function Opinion() {
  return <h1>Opinion</h1>;
}
