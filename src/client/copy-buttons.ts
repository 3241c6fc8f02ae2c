/**
 * Copy buttons, shown only when the clipboard can be used: for read-only fields
 * (`data-copy-target="<field id>"`) and for a file such as the page's Markdown (`data-copy-url`).
 */
const announcer = document.getElementById('copy-status');

function copied(button: HTMLButtonElement, message: string): void {
  button.dataset.copied = 'true';
  setTimeout(() => delete button.dataset.copied, 2000);
  if (announcer) announcer.textContent = message;
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    const field = document.getElementById(button.dataset.copyTarget ?? '') as HTMLInputElement | HTMLTextAreaElement | null;
    if (!field) return;
    void navigator.clipboard.writeText(field.value).then(
      () => copied(button, `${field.labels?.[0]?.textContent ?? 'Text'} copied.`),
      () => field.select(),
    );
  });
}

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-url]')) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    const text = fetch(button.dataset.copyUrl ?? '').then((response) => {
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
      return response.text();
    });
    // Safari keeps the click's permission to write across the fetch only for a ClipboardItem given a promise.
    const written =
      typeof ClipboardItem === 'function'
        ? navigator.clipboard.write([new ClipboardItem({ 'text/plain': text.then((value) => new Blob([value], { type: 'text/plain' })) })])
        : text.then((value) => navigator.clipboard.writeText(value));
    written.then(
      () => copied(button, 'The page as Markdown copied.'),
      () => {
        if (announcer) announcer.textContent = 'Could not copy the Markdown; follow the "as Markdown" link instead.';
      },
    );
  });
}

export {};
