// Placeholder until the screen is built.
export function Rules() {
  return <h1>Rules</h1>;
}
