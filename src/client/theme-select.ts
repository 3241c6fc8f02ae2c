/** The theme switch: auto (the system's), light or dark, kept in localStorage for the next page. */
import { THEME_STORAGE_KEY } from './theme-init.ts';

type Theme = 'auto' | 'light' | 'dark';
const isTheme = (value: unknown): value is Theme => value === 'auto' || value === 'light' || value === 'dark';

function apply(theme: Theme) {
  document.documentElement.dataset.theme = theme;
  for (const select of document.querySelectorAll<HTMLSelectElement>('theme-select select')) select.value = theme;
}

class ThemeSelect extends HTMLElement {
  connectedCallback() {
    const select = this.querySelector('select')!;
    const current = document.documentElement.dataset.theme;
    select.value = isTheme(current) ? current : 'auto';
    select.addEventListener('change', () => {
      const theme = isTheme(select.value) ? select.value : 'auto';
      apply(theme);
      try {
        if (theme === 'auto') localStorage.removeItem(THEME_STORAGE_KEY);
        else localStorage.setItem(THEME_STORAGE_KEY, theme);
      } catch {
        // Storage can be refused (private modes, policies): the choice then lasts for this page.
      }
    });
  }
}

customElements.define('theme-select', ThemeSelect);

// A choice made in another tab applies here too.
window.addEventListener('storage', (event) => {
  if (event.key === THEME_STORAGE_KEY) apply(isTheme(event.newValue) ? event.newValue : 'auto');
});
