import { createRequire } from 'node:module';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread on `entry` (a path without its extension): the built `.js` file in the app; from the
 * TypeScript sources (the tests), the `.ts` file through jiti (which vite and eslint bring), since a worker cannot
 * load TypeScript itself. Whether this file is built says which: the whole back end is built or none of it.
 */
export function startWorker(entry: string, options: WorkerOptions = {}): Worker {
  if (__filename.endsWith('.js')) return new Worker(`${entry}.js`, options);
  const source = `${entry}.ts`;
  const jiti = createRequire(__filename).resolve('jiti');
  return new Worker(`require(${JSON.stringify(jiti)}).createJiti(${JSON.stringify(source)})(${JSON.stringify(source)});`, { ...options, eval: true });
}
