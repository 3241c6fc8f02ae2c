/** The theme switch: auto (the system's), light or dark, kept in localStorage for the next page. */
import { THEME_STORAGE_KEY } from './theme-init.ts';

type Theme = 'auto' | 'light' | 'dark';
const isTheme = (value: unknown): value is Theme => value === 'auto' || value === 'light' || value === 'dark';

class ThemeSelect extends HTMLElement {
  connectedCallback() {
    const select = this.querySelector('select')!;
    const current = document.documentElement.dataset.theme;
    select.value = isTheme(current) ? current : 'auto';
    select.addEventListener('change', () => {
      const theme = isTheme(select.value) ? select.value : 'auto';
      document.documentElement.dataset.theme = theme;
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
