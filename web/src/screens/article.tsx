// Placeholder until the screen is built.
export function Article() {
  return <h1>Article</h1>;
}
