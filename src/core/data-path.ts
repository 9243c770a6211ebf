import { fileURLToPath } from 'node:url';

/** The package's shipped data folder (works from src/ under tsx/vitest and from dist/). */
export function dataPath(...parts: string[]): string {
  return fileURLToPath(new URL(['../../data', ...parts].join('/'), import.meta.url));
}
