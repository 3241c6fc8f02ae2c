/**
 * The site's one inline script: it sets <html data-theme> from the reader's stored choice while the
 * head is parsed, so the first paint already has that theme (a module script would run after it).
 * Astro does not hash `is:inline` scripts; astro.config.mjs adds this text's hash to the CSP.
 * tokens.css reads data-theme; ThemeSelect.astro shows the switch only once it is set.
 */
export const THEME_STORAGE_KEY = 'pas-theme';

// Any stored value but light or dark matches no theme rule in tokens.css, so the page follows the
// system; theme-select.ts treats it as auto.
export const themeInitScript = `((d)=>{try{d.dataset.theme=localStorage.getItem('${THEME_STORAGE_KEY}')||'auto'}catch{d.dataset.theme='auto'}})(document.documentElement)`;
