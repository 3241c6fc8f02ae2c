/**
 * <citation-preview>: one card, shown beside whichever citation marker the reader hovers, focuses or
 * taps. Its text comes from the page's source list (SourceList.astro), so showing it makes no
 * request. The card is a popover: the browser closes it on Escape or a click elsewhere, and puts it
 * next to its marker in the tab order, so a keyboard reader can Tab into its links.
 */
const MARKERS = 'a[data-footnote-ref], a.cite';
const SHOW_DELAY = 150;
const HIDE_DELAY = 300;

type Opener = 'hover' | 'focus' | 'tap';

/** The page's list item for the source a marker cites. */
function sourceItem(marker: HTMLAnchorElement): HTMLElement | null {
  const target = decodeURIComponent(marker.hash.slice(1));
  const id = target.startsWith('user-content-fn-') ? target.slice('user-content-fn-'.length) : target.replace(/^source-/, '');
  return document.getElementById(`source-${id}`);
}

class CitationPreview extends HTMLElement {
  #card: HTMLElement | undefined;
  #marker: HTMLAnchorElement | undefined;
  #opener: Opener | undefined;
  #timer: number | undefined;
  #lastPointer = '';

  connectedCallback(): void {
    if (!this.querySelector('template') || typeof HTMLElement.prototype.showPopover !== 'function') return;
    // The card says more than the "source" links' title tooltips, which would show on top of it.
    for (const link of document.querySelectorAll('a.cite[title]')) link.removeAttribute('title');

    document.addEventListener('pointerdown', (event) => (this.#lastPointer = event.pointerType), { capture: true });
    document.addEventListener('pointerover', (event) => this.#pointerOver(event));
    document.addEventListener('pointerout', (event) => this.#pointerOut(event));
    document.addEventListener('focusin', (event) => this.#focusIn(event));
    document.addEventListener('focusout', (event) => this.#focusOut(event));
    document.addEventListener('click', (event) => this.#click(event));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.#marker) this.#hide();
    });
    window.addEventListener('scroll', () => this.#place(), { passive: true });
    window.addEventListener('resize', () => this.#place());
  }

  #markerOf(target: EventTarget | null): HTMLAnchorElement | null {
    return target instanceof Element ? target.closest<HTMLAnchorElement>(MARKERS) : null;
  }

  #inCard(target: EventTarget | null): boolean {
    return target instanceof Node && !!this.#card?.contains(target);
  }

  #pointerOver(event: PointerEvent): void {
    if (event.pointerType === 'touch') return;
    const marker = this.#markerOf(event.target);
    if (marker || this.#inCard(event.target)) window.clearTimeout(this.#timer);
    if (marker && marker !== this.#marker) this.#timer = window.setTimeout(() => this.#show(marker, 'hover'), SHOW_DELAY);
  }

  #pointerOut(event: PointerEvent): void {
    if (event.pointerType === 'touch' || this.#opener !== 'hover') return;
    const leaving = this.#markerOf(event.target) ?? (this.#inCard(event.target) ? this.#card : null);
    if (!leaving || this.#inCard(event.relatedTarget) || this.#markerOf(event.relatedTarget) === this.#marker) return;
    window.clearTimeout(this.#timer);
    this.#timer = window.setTimeout(() => this.#hide(), HIDE_DELAY);
  }

  #focusIn(event: FocusEvent): void {
    const marker = this.#markerOf(event.target);
    // A tap focuses the marker too; the click that follows decides.
    if (!marker || this.#lastPointer === 'touch' || this.#lastPointer === 'pen') return;
    window.clearTimeout(this.#timer);
    this.#show(marker, 'focus');
  }

  #focusOut(event: FocusEvent): void {
    if (!this.#marker || this.#opener === 'hover' || this.#opener === 'tap') return;
    const next = event.relatedTarget;
    if (next === this.#marker || this.#inCard(next)) return;
    if (event.target === this.#marker || this.#inCard(event.target)) this.#hide();
  }

  #click(event: MouseEvent): void {
    const marker = this.#markerOf(event.target);
    const touch = this.#lastPointer === 'touch' || this.#lastPointer === 'pen';
    this.#lastPointer = '';
    if (!marker || !touch) return;
    // First tap: preview. A second tap on the same marker follows its link, as without the card.
    if (this.#marker === marker && this.#opener === 'tap') {
      this.#hide();
      return;
    }
    event.preventDefault();
    this.#show(marker, 'tap');
  }

  /**
   * The card, put in the page the first time it is needed: until then its empty links are not in
   * the document (crawlers and audits would count them as links that lead nowhere).
   */
  #ensureCard(): HTMLElement | undefined {
    if (this.#card) return this.#card;
    const card = this.querySelector('template')?.content.firstElementChild?.cloneNode(true);
    if (!(card instanceof HTMLElement)) return undefined;
    card.addEventListener('toggle', (event) => {
      if ((event as ToggleEvent).newState === 'closed') this.#forget();
    });
    this.append(card);
    this.#card = card;
    return card;
  }

  #show(marker: HTMLAnchorElement, opener: Opener): void {
    const card = this.#ensureCard();
    const item = sourceItem(marker);
    if (!card || !item) return;
    this.#fill(card, item, marker);
    if (card.matches(':popover-open')) card.hidePopover();
    this.#marker = marker;
    this.#opener = opener;
    // `source` ties the card to its marker (tab order, light dismiss); browsers without it ignore it.
    (card.showPopover as (options?: { source?: HTMLElement }) => void).call(card, { source: marker });
    this.#place();
  }

  #fill(card: HTMLElement, item: HTMLElement, marker: HTMLAnchorElement): void {
    const text = (selector: string) => item.querySelector(selector)?.textContent?.trim() ?? '';
    const field = <T extends HTMLElement = HTMLElement>(name: string) => card.querySelector<T>(`[data-card-${name}]`)!;
    const title = item.querySelector<HTMLAnchorElement>('[data-source-title]');
    const link = field<HTMLAnchorElement>('title');
    link.textContent = title?.textContent ?? '';
    link.href = title?.href ?? '';
    field('publisher').textContent = text('[data-source-publisher]');
    const date = text('[data-source-date]');
    field('date').textContent = date ? `, ${date}` : '';
    const checked = text('[data-source-checked]');
    field('checked').textContent = checked;
    field('checked-line').hidden = !checked;
    field<HTMLAnchorElement>('jump').href = marker.hash;
  }

  #place(): void {
    const card = this.#card;
    const marker = this.#marker;
    if (!card || !marker || !card.matches(':popover-open')) return;
    const gap = 6;
    const edge = 8;
    const anchor = marker.getBoundingClientRect();
    const { width, height } = card.getBoundingClientRect();
    const below = anchor.bottom + gap;
    const top = below + height <= window.innerHeight - edge || anchor.top - gap - height < edge ? below : anchor.top - gap - height;
    const left = Math.min(Math.max(edge, anchor.left - 16), window.innerWidth - width - edge);
    card.style.top = `${Math.round(top)}px`;
    card.style.left = `${Math.round(Math.max(edge, left))}px`;
  }

  /** Closes the card; focus inside it goes back to the marker, as after Escape in any popup. */
  #hide(): void {
    window.clearTimeout(this.#timer);
    const marker = this.#marker;
    const hadFocus = this.#inCard(document.activeElement);
    if (this.#card?.matches(':popover-open')) this.#card.hidePopover();
    this.#forget();
    if (marker && hadFocus) marker.focus();
  }

  #forget(): void {
    this.#marker = undefined;
    this.#opener = undefined;
  }
}

customElements.define('citation-preview', CitationPreview);

export {};
