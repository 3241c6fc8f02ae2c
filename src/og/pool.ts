/**
 * Worker threads that draw social cards while the rest of the build runs: on the main thread the
 * cards' layout and rasterising added to every cold build (decision 0007).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DrawCard } from './store.ts';

export interface DrawPool {
  draw: DrawCard;
  /** Stops the workers; cards still queued are rejected. */
  close: () => Promise<void>;
}

/** One worker per core the main thread leaves free, each with two cards in flight (layout on its thread, rasterising on libuv's). */
export function createDrawPool(size = Math.max(1, availableParallelism() - 1), inFlight = 2): DrawPool {
  const workers = Array.from({ length: size }, () => {
    const worker = new Worker(new URL('./worker.ts', import.meta.url));
    // A build that fails before publishing the cards must still exit.
    worker.unref();
    return { worker, busy: 0 };
  });
  const waiting = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();
  const queue: { job: number; input: unknown; target: string }[] = [];
  let next = 0;

  const pump = () => {
    for (const slot of workers) {
      while (slot.busy < inFlight && queue.length > 0) {
        slot.busy++;
        slot.worker.postMessage(queue.shift());
      }
    }
  };
  for (const slot of workers) {
    slot.worker.on('message', ({ job, error }: { job: number; error?: string }) => {
      slot.busy--;
      const pending = waiting.get(job);
      waiting.delete(job);
      if (error) pending?.reject(new Error(`Drawing a social card failed: ${error}`));
      else pending?.resolve();
      pump();
    });
    slot.worker.on('error', (error) => {
      for (const pending of waiting.values()) pending.reject(error);
      waiting.clear();
    });
  }

  return {
    draw: (input, target) =>
      new Promise<void>((resolve, reject) => {
        const job = next++;
        waiting.set(job, { resolve, reject });
        queue.push({ job, input, target });
        pump();
      }),
    close: async () => {
      queue.length = 0;
      await Promise.all(workers.map(({ worker }) => worker.terminate()));
      for (const pending of waiting.values()) pending.reject(new Error('The card pool was closed.'));
      waiting.clear();
    },
  };
}
