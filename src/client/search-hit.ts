/**
 * Fills the markup of src/components/SearchHit.astro from a Pagefind result: the one place both the
 * header's suggestions and the search page turn a result into DOM.
 */

/** A copy of a <template>'s first element, ready to fill. */
export function cloneTemplate<T extends Element>(template: HTMLTemplateElement): T {
  const element = template.content.firstElementChild?.cloneNode(true);
  if (!(element instanceof Element)) throw new Error('A search template is empty.');
  return element as T;
}

/** What a hit shows; `kind` is left out for a page section. */
export interface Hit {
  url: string;
  title: string;
  kind?: string;
  excerpt: string;
}

/** Writes a hit into the `data-hit` slots under `root`; the title links to it when it is a link. */
export function fillHit(root: ParentNode, hit: Hit): void {
  const slot = (name: string) => root.querySelector<HTMLElement>(`[data-hit="${name}"]`);
  const kind = slot('kind');
  if (kind) kind.textContent = hit.kind ?? '';
  const title = slot('title');
  if (title) {
    title.textContent = hit.title;
    if (title instanceof HTMLAnchorElement) title.href = hit.url;
  }
  const excerpt = slot('excerpt');
  if (excerpt) setExcerpt(excerpt, hit.excerpt);
}

/** Pagefind's excerpts are escaped HTML with <mark> around matches; keep only that. */
export function setExcerpt(element: HTMLElement, excerpt: string): void {
  const template = document.createElement('template');
  template.innerHTML = excerpt;
  const clean = document.createDocumentFragment();
  for (const node of template.content.childNodes) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark');
      mark.textContent = node.textContent;
      clean.append(mark);
    } else clean.append(node.textContent ?? '');
  }
  element.replaceChildren(clean);
}
