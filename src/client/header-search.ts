/**
 * Runs on every page and stays tiny: keyboard shortcuts that open the header search, the switch
 * that loads the search code the first time the field gets focus, and term highlighting when the
 * page was opened from a search result.
 */
import { HIGHLIGHT_PARAM, basePath } from './search-constants.ts';

const input = document.querySelector<HTMLInputElement>('[data-site-search-input]');

function typingInField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

if (input) {
  document.addEventListener('keydown', (event) => {
    const slash = event.key === '/' && !event.ctrlKey && !event.metaKey && !event.altKey && !typingInField(event.target);
    const commandK = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey;
    if (!slash && !commandK) return;
    event.preventDefault();
    input.focus();
    input.select();
  });

  const enhance = () => {
    void import('./search-combobox.ts').then(({ enhanceCombobox }) => enhanceCombobox(input));
  };
  input.addEventListener('focus', enhance, { once: true });
  if (document.activeElement === input) enhance();
}

if (new URLSearchParams(window.location.search).has(HIGHLIGHT_PARAM)) {
  void import(/* @vite-ignore */ `${basePath}pagefind/pagefind-highlight.js`)
    .then((module: { default: new (options: object) => unknown }) => {
      // addStyles would inject a <style> element, which a strict CSP blocks; the site styles the marks.
      new module.default({ highlightParam: HIGHLIGHT_PARAM, addStyles: false, markContext: '[data-pagefind-body]' });
    })
    .catch(() => undefined);
}
