/** Values both the tiny header script and the lazily loaded search code need. */

/** The query parameter that carries the search terms to the page a result opens. */
export const HIGHLIGHT_PARAM = 'highlight';

export const basePath = import.meta.env.BASE_URL.endsWith('/') ? import.meta.env.BASE_URL : `${import.meta.env.BASE_URL}/`;
