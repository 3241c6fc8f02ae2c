/** The light theme's colours, read from src/styles/tokens.css so the social images match the pages. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const file = path.resolve('src', 'styles', 'tokens.css');
const tokens = readFileSync(file, 'utf8');

function token(name: string): string {
  const value = new RegExp(`--${name}:\\s*([^;]+);`).exec(tokens)?.[1]?.trim();
  if (!value) throw new Error(`${file} has no --${name}, which the social images use.`);
  // A themed colour is light-dark(light, dark); the cards are drawn in the light theme.
  return /^light-dark\(\s*([^,]+),/.exec(value)?.[1]?.trim() ?? value;
}

export const palette = {
  background: token('bg'),
  blue: token('brand-blue'),
  yellow: token('accent'),
  pill: token('bg-subtle'),
  label: token('link'),
  title: token('text'),
  summary: token('text-muted'),
};
