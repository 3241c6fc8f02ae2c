/**
 * Copies a section's full URL when its "copy link" control is used, and says so in a live region.
 * Without JavaScript, or if the clipboard is refused, the control is an ordinary link to the section.
 */
const announcer = document.getElementById('copy-status');

document.addEventListener('click', (event) => {
  const link = (event.target as Element | null)?.closest<HTMLAnchorElement>('a.heading-link');
  if (!link || !navigator.clipboard) return;
  const id = decodeURIComponent(link.hash.slice(1));
  const url = `${window.location.origin}${window.location.pathname}#${encodeURIComponent(id)}`;
  event.preventDefault();
  navigator.clipboard.writeText(url).then(
    () => {
      history.replaceState(null, '', `#${encodeURIComponent(id)}`);
      link.dataset.copied = 'true';
      setTimeout(() => delete link.dataset.copied, 2000);
      if (announcer) {
        announcer.textContent = '';
        requestAnimationFrame(() => (announcer.textContent = 'Link to this section copied.'));
      }
    },
    () => window.location.assign(url),
  );
});

export {};
