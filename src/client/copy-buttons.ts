/** Copy buttons for read-only fields: shown only when the clipboard can be used. */
const announcer = document.getElementById('copy-status');

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy-target]')) {
  if (!navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    const field = document.getElementById(button.dataset.copyTarget ?? '') as HTMLInputElement | HTMLTextAreaElement | null;
    if (!field) return;
    void navigator.clipboard.writeText(field.value).then(
      () => {
        button.dataset.copied = 'true';
        setTimeout(() => delete button.dataset.copied, 2000);
        if (announcer) announcer.textContent = `${field.labels?.[0]?.textContent ?? 'Text'} copied.`;
      },
      () => field.select(),
    );
  });
}

export {};
