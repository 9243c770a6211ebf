// Placeholder until the screen is built.
export function Personnel() {
  return <h1>Personnel</h1>;
}
