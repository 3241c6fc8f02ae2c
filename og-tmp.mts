import { writeFileSync } from 'node:fs';
import { ogCardTree } from '/work/main/src/og/card.ts';
import { renderOgPng } from '/work/main/src/og/render.ts';
const t = ogCardTree({ collection: 'companies', title: 'Instagram', summary: "Instagram serves its app from a multi-million-line Django monolith on Meta's own tuned CPython, and a long line of runtime, memory and tooling work keeps that codebase fast and safe to change. And some more words here to overflow the third line for sure, yes.", site: 'Python at Scale' });
writeFileSync('/tmp/og1.png', await renderOgPng(t));
const u = ogCardTree({ collection: 'posts', title: 'Python decides, native code does the work: how the five companies split it', summary: "Long summary words ".repeat(20), site: 'Python at Scale' });
writeFileSync('/tmp/og2.png', await renderOgPng(u));
