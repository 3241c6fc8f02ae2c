// Adds lockfile entries for the other platforms' optional native packages (Astro's compiler
// binding, Pagefind's binary) when npm could not record them. The registry this project installs
// from does not carry every platform's build, so `npm install` leaves them out of
// package-lock.json, and `npm ci` then refuses the lockfile as out of sync. An entry with the
// platform's os/cpu/libc lets `npm ci` see the package as present and skip it on this platform.
// Run after changing dependencies: `npm install && npm run lock:complete`.
import { readFileSync, writeFileSync } from 'node:fs';

const file = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(file, 'utf8'));

function platformOf(name) {
  const short = name.split('/').pop();
  const pick = (table) => table.find(([pattern]) => pattern.test(short))?.[1];
  return {
    os: pick([[/darwin/, 'darwin'], [/win32|windows/, 'win32'], [/android/, 'android'], [/freebsd/, 'freebsd'], [/linux/, 'linux']]),
    cpu: pick([[/wasm32/, 'wasm32'], [/arm64|aarch64/, 'arm64'], [/x64|x86_64/, 'x64']]),
    libc: pick([[/musl/, 'musl'], [/gnu/, 'glibc']]),
  };
}

let added = 0;
for (const entry of Object.values(lock.packages)) {
  for (const [name, version] of Object.entries(entry.optionalDependencies ?? {})) {
    const key = `node_modules/${name}`;
    if (lock.packages[key]) continue;
    const { os, cpu, libc } = platformOf(name);
    lock.packages[key] = {
      version,
      dev: entry.dev ?? false,
      optional: true,
      ...(os && { os: [os] }),
      ...(cpu && { cpu: [cpu] }),
      ...(libc && { libc: [libc] }),
    };
    added += 1;
  }
}

writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`);
console.log(added ? `Added ${added} platform entries to package-lock.json.` : 'package-lock.json already lists every platform package.');
