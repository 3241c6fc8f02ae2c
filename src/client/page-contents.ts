/**
 * <page-contents>: marks the section being read in the "On this page" list, and keeps the list open
 * where it sits beside the text. An IntersectionObserver reports when a heading crosses the reading
 * line (a quarter of the way down the window); the current section is the last heading above it.
 */
const wide = window.matchMedia('(min-width: 64rem)');

class PageContents extends HTMLElement {
  #observer: IntersectionObserver | undefined;

  connectedCallback(): void {
    const details = this.querySelector('details');
    const links = [...this.querySelectorAll<HTMLAnchorElement>('a[href^="#"]')];
    const sections = links.flatMap((link) => {
      const heading = document.getElementById(decodeURIComponent(link.hash.slice(1)));
      return heading ? [{ link, heading }] : [];
    });

    if (details) {
      const keepOpen = () => {
        if (wide.matches) details.open = true;
      };
      keepOpen();
      wide.addEventListener('change', keepOpen);
      details.addEventListener('toggle', keepOpen);
    }

    const mark = () => {
      const line = window.innerHeight / 4;
      let current: HTMLAnchorElement | undefined;
      for (const { link, heading } of sections) {
        if (heading.getBoundingClientRect().top <= line) current = link;
      }
      for (const { link } of sections) {
        if (link === current) link.setAttribute('aria-current', 'true');
        else link.removeAttribute('aria-current');
      }
    };
    this.#observer = new IntersectionObserver(mark, { rootMargin: '0px 0px -75% 0px' });
    for (const { heading } of sections) this.#observer.observe(heading);
  }

  disconnectedCallback(): void {
    this.#observer?.disconnect();
  }
}

customElements.define('page-contents', PageContents);

export {};
