/** Finds what sticks out of the layout: elements in `main` wider than their container. */
import type { Page } from 'playwright-core';

/**
 * Every element in `main` whose box runs past the right edge of the nearest ancestor that clips or
 * scrolls it (or of `main` itself), plus sideways scrolling of the page. A table inside a scrolling
 * region is allowed to be wider than the region, as long as the region is labelled and focusable.
 */
export async function overflowingElements(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 40);
      return `${el.tagName.toLowerCase()}${id}${cls} "${text}"`;
    };
    const problems: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
    const main = document.querySelector('main')!;
    const clips = (el: Element) => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
    for (const el of main.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      let container = el.parentElement!;
      while (container !== main && !clips(container)) container = container.parentElement!;
      // Inside a scrolling region an element may be wider: the region scrolls, not the page.
      if (container !== main && ['auto', 'scroll'].includes(getComputedStyle(container).overflowX)) continue;
      const bounds = container.getBoundingClientRect();
      const right = container === main ? bounds.right - parseFloat(getComputedStyle(main).paddingRight) : bounds.right;
      if (box.right > right + 1) {
        problems.push(`${describe(el)} ends at ${Math.round(box.right)} px, past its container ${describe(container)} at ${Math.round(right)} px`);
      }
    }
    for (const region of main.querySelectorAll('*')) {
      // Visually hidden text (.sr-only) is a 1 px box that clips on purpose.
      if (region.matches('input, textarea, select')) continue;
      if (!clips(region) || region.clientWidth <= 1 || region.scrollWidth <= region.clientWidth) continue;
      if (!['auto', 'scroll'].includes(getComputedStyle(region).overflowX)) {
        problems.push(`${describe(region)} cuts off what does not fit`);
        continue;
      }
      const labelled = region.getAttribute('role') === 'region' && (region.hasAttribute('aria-label') || region.hasAttribute('aria-labelledby'));
      if (!labelled || region.getAttribute('tabindex') !== '0') problems.push(`${describe(region)} scrolls sideways but is not a labelled, focusable region`);
    }
    return problems;
  });
}
