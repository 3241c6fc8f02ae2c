/** The light theme's colours, read from src/styles/tokens.css so the social images match the pages. */
import { readFileSync } from 'node:fs';
import path from 'node:path';

const file = path.resolve('src', 'styles', 'tokens.css');
const tokens = readFileSync(file, 'utf8');

function token(name: string): string {
  // The first declaration is the light theme's; the dark theme's follow in a media query.
  const value = new RegExp(`--${name}:\\s*([^;]+);`).exec(tokens)?.[1];
  if (!value) throw new Error(`${file} has no --${name}, which the social images use.`);
  return value.trim();
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
