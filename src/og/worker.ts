/** A worker thread of the card pool (pool.ts): draws the cards it is sent, one message per card. */
import { parentPort } from 'node:worker_threads';
import type { OgCardInput } from './card.ts';
import { drawHere } from './store.ts';

interface Job {
  job: number;
  input: OgCardInput;
  target: string;
}

parentPort!.on('message', ({ job, input, target }: Job) => {
  drawHere(input, target).then(
    () => parentPort!.postMessage({ job }),
    (error: unknown) => parentPort!.postMessage({ job, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
