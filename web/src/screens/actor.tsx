// Placeholder until the screen is built.
export function ActorPage() {
  return <h1>ActorPage</h1>;
}
