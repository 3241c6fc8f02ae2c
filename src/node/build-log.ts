/**
 * The build's log destination (`logger` in astro.config.mjs): Astro's own Node destination without
 * the one line per generated file ("├─ /companies/x/index.html (+12ms)"), two hundred lines that
 * pushed the steps and any error off the screen; "N page(s) built" still gives the count. A route
 * whose file was not created is still printed. Loaded by Astro with a plain import, so it is plain
 * TypeScript that Node runs as is.
 */
import nodeDestination from 'astro/logger/node';

interface LogEvent {
  label: string | null;
  level: string;
  message: string;
  newLine: boolean;
}

export default function quietBuildLog(options?: Parameters<typeof nodeDestination>[0]) {
  const node = nodeDestination(options);
  let route: LogEvent | undefined;
  return {
    write(event: LogEvent): void {
      if (event.label === null && event.level === 'info' && /^\s*\S*[├└]─/.test(event.message)) {
        route = event;
        return;
      }
      const held = route;
      route = undefined;
      // The render time that follows a route line: dropped with it, unless it says the file is missing.
      if (held && event.label === 'SKIP_FORMAT') {
        if (event.message.includes('file not created')) {
          node.write(held as Parameters<typeof node.write>[0]);
          node.write(event as Parameters<typeof node.write>[0]);
        }
        return;
      }
      if (held) node.write(held as Parameters<typeof node.write>[0]);
      node.write(event as Parameters<typeof node.write>[0]);
    },
  };
}
