/**
 * The header search as an ARIA 1.2 combobox: typing lists the best matches in a listbox under the
 * field; arrow keys move through them, Enter opens one (or, with none chosen, submits the form to the
 * full search page), Escape closes the list and then clears the field. The result count is announced
 * through a polite live region. Loaded only when the field first gets focus.
 */
// The list's styles come with this script, not with every page: a stylesheet imported here would be
// linked from every page by Astro, which collects the CSS of client scripts, so it is linked here.
import comboboxCss from '../styles/combobox.css?url';
import { loadPagefind, unavailableMessage, type PagefindResultData } from './pagefind-client.ts';
import { cloneTemplate, fillHit } from './search-hit.ts';

const shown = 6;

function linkStyles(): void {
  if (document.querySelector(`link[href="${comboboxCss}"]`)) return;
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = comboboxCss;
  document.head.append(link);
}

export function enhanceCombobox(input: HTMLInputElement): void {
  linkStyles();
  const form = input.form;
  const listbox = document.getElementById(input.getAttribute('aria-controls') ?? '');
  const status = document.getElementById(input.dataset.statusId ?? '');
  const optionTemplate = form?.querySelector<HTMLTemplateElement>('template[data-combobox="option"]');
  const allTemplate = form?.querySelector<HTMLTemplateElement>('template[data-combobox="all"]');
  if (!form || !listbox || !status || !optionTemplate || !allTemplate || input.dataset.enhanced) return;
  input.dataset.enhanced = 'true';
  const devNote = form.querySelector<HTMLElement>('[data-combobox="dev-note"]');

  let options: HTMLLIElement[] = [];
  let active = -1;
  let latest = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const setActive = (index: number) => {
    options[active]?.setAttribute('aria-selected', 'false');
    active = index;
    const option = options[active];
    if (option) {
      option.setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', option.id);
      option.scrollIntoView({ block: 'nearest' });
    } else {
      input.removeAttribute('aria-activedescendant');
    }
  };

  const open = (isOpen: boolean) => {
    listbox.hidden = !isOpen;
    input.setAttribute('aria-expanded', String(isOpen));
    if (!isOpen) setActive(-1);
  };

  const option = (template: HTMLTemplateElement, id: string, href: string): HTMLLIElement => {
    const item = cloneTemplate<HTMLLIElement>(template);
    item.id = id;
    item.dataset.href = href;
    item.addEventListener('click', () => window.location.assign(href));
    return item;
  };

  const unavailable = () => {
    status.textContent = unavailableMessage();
    if (devNote) {
      devNote.textContent = unavailableMessage();
      devNote.hidden = false;
    }
  };

  const render = (query: string, results: PagefindResultData[], total: number) => {
    options = results.map((result, i) => {
      const item = option(optionTemplate, `${listbox.id}-${i}`, result.url);
      fillHit(item, { url: result.url, title: result.meta.title ?? result.url, kind: result.meta.kind ?? '', excerpt: result.excerpt });
      return item;
    });
    const all = option(allTemplate, `${listbox.id}-all`, `${form.action}?q=${encodeURIComponent(query)}`);
    all.textContent = total > 0 ? `See all ${total} results and filters` : 'Search with filters';
    options.push(all);
    listbox.replaceChildren(...options);
    setActive(-1);
    open(true);
    status.textContent =
      total === 0
        ? `No results for ${query}.`
        : `${total} result${total === 1 ? '' : 's'}, showing ${results.length}. Use the up and down arrow keys to choose one.`;
  };

  const search = async () => {
    const query = input.value.trim();
    const ticket = ++latest;
    if (!query) {
      open(false);
      status.textContent = '';
      return;
    }
    try {
      const pagefind = await loadPagefind();
      const { results } = await pagefind.search(query);
      const data = await Promise.all(results.slice(0, shown).map((r) => r.data()));
      if (ticket === latest) render(query, data, results.length);
    } catch {
      if (ticket === latest) unavailable();
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(search, 120);
  });

  input.addEventListener('keydown', (event) => {
    const expanded = input.getAttribute('aria-expanded') === 'true';
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!expanded && options.length > 0) open(true);
        setActive(options.length === 0 ? -1 : (active + 1) % options.length);
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (!expanded && options.length > 0) open(true);
        setActive(options.length === 0 ? -1 : (active - 1 + options.length) % options.length);
        break;
      case 'Home':
      case 'End':
        if (expanded && active >= 0) {
          event.preventDefault();
          setActive(event.key === 'Home' ? 0 : options.length - 1);
        }
        break;
      case 'Enter': {
        const href = options[active]?.dataset.href;
        if (expanded && href) {
          event.preventDefault();
          window.location.assign(href);
        }
        break;
      }
      case 'Escape':
        if (expanded) {
          event.preventDefault();
          open(false);
        } else if (input.value) {
          event.preventDefault();
          input.value = '';
          status.textContent = '';
        }
        break;
      case 'Tab':
        open(false);
        break;
    }
  });

  // Keep focus in the field while a pointer picks an option, so the list does not close first.
  listbox.addEventListener('pointerdown', (event) => event.preventDefault());
  input.addEventListener('blur', () => {
    open(false);
    if (devNote) devNote.hidden = true;
  });
  input.addEventListener('focus', () => {
    if (options.length > 0 && input.value.trim()) open(true);
    if (devNote) void loadPagefind().catch(unavailable);
  });

  // Warm the engine while the reader starts typing; under `astro dev`, where it cannot load, say so at once.
  void loadPagefind().catch(() => devNote && unavailable());
  if (input.value.trim()) void search();
}
