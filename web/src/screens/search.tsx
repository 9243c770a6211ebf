// Placeholder until the screen is built.
export function Search() {
  return <h1>Search</h1>;
}
