/**
 * The "Report an error" link: a new issue in the project's repository, prefilled with the page's
 * title and address so that a reader only has to say what is wrong.
 */
export function reportErrorUrl(repository: string, page: { title: string; url: string }): string {
  const body = [
    `Page: ${page.url}`,
    '',
    'What is wrong (quote the sentence if you can):',
    '',
    'What the source says, with a link:',
    '',
  ].join('\n');
  const query = new URLSearchParams({ title: `Error on "${page.title}"`, body, labels: 'content-error' });
  return `${repository.replace(/\/+$/, '')}/issues/new?${query.toString()}`;
}
