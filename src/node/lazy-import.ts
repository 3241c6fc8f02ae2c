import type { Plugin } from 'vite';

/**
 * Vite wraps every dynamic import in the browser code with its preload helper (0.9 KiB gzip on
 * every page), which only preloads the lazy module's own imports; the site's lazy modules (the
 * header's search list, Pagefind) load on first use, where a plain import() does the same job.
 */
export function plainDynamicImports(): Plugin {
  const id = '\0vite/preload-helper.js';
  return {
    name: 'pas:plain-dynamic-imports',
    enforce: 'pre',
    apply: 'build',
    load(source) {
      if (source === id) return 'export const __vitePreload = (load) => load();';
      return undefined;
    },
  };
}
