/**
 * Hard links made on a second thread (issue 14). A one-system change at 1,000 systems takes some 2,400
 * files of the output it replaces as they are, by a hard link each into the run's work folder, in
 * about 1,300 folders: a sixth of the run, nearly all of it waiting on the file system. Queued here,
 * they are made by a worker thread while this thread renders the stages that follow; the pipeline
 * waits for them ({@link Linker.finish}) before it writes its own files, so what ends up on disk is
 * what placing them one by one would give. A link that cannot be made is handed back, and the
 * caller copies the file instead (lib/model/reuse-index.ts, which checks the bytes it copies).
 *
 * Below {@link LinkerOptions.threshold} queued links no thread is started: they are made here, in
 * {@link Linker.finish}. Without worker threads (the constructor throws) the same happens.
 */
import * as fs from 'fs';
import * as path from 'path';
import { MessageChannel, Worker, receiveMessageOnPort } from 'worker_threads';

/** `[from, to]`: the existing file and the new name (absolute paths). */
export type LinkPair = readonly [string, string];

export interface LinkerOptions {
  /** Queued links from which a worker thread is started. @default 256 */
  readonly threshold?: number;
  /** Give up waiting for the worker after this long without it finishing. @default 10 minutes */
  readonly timeoutMs?: number;
}

export interface Linker {
  /** Queues links; each one's folder is created first. */
  link(pairs: readonly LinkPair[]): void;
  /**
   * Blocks until every queued link is made; returns the pairs that could not be linked (for the caller
   * to copy), in the order queued. The linker is closed after it.
   */
  finish(): LinkPair[];
  /** True once a worker thread was started (tests, progress). */
  readonly threaded: boolean;
}

/**
 * The one link loop, as JavaScript source: the worker runs it, and so does this thread below the
 * threshold, so both make links by the same steps (plain JavaScript: the worker needs no TypeScript
 * loader). `flat` is `[from, to, from, to, …]`; the pairs that failed are returned, flat too.
 */
const LINK_LOOP = `
const failed = [];
for (let i = 0; i < flat.length; i += 2) {
  const from = flat[i];
  const to = flat[i + 1];
  try {
    const dir = path.dirname(to);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    fs.linkSync(from, to);
  } catch {
    failed.push(from, to);
  }
}
return failed;
`;

/** The worker: one message per batch, `null` to end. */
const WORKER = `
const { parentPort, workerData } = require('worker_threads');
const fs = require('fs');
const path = require('path');
const linkLoop = new Function('fs', 'path', 'made', 'flat', ${JSON.stringify(LINK_LOOP)});
const made = new Set();
const failed = [];
parentPort.on('message', (batch) => {
  if (batch === null) {
    workerData.port.postMessage(failed);
    Atomics.store(workerData.done, 0, 1);
    Atomics.notify(workerData.done, 0);
    parentPort.close();
    return;
  }
  for (const p of linkLoop(fs, path, made, batch)) failed.push(p);
});
`;

/** {@link LINK_LOOP} in this thread. */
const linkLoop = new Function('fs', 'path', 'made', 'flat', LINK_LOOP) as (
  fsModule: typeof fs,
  pathModule: typeof path,
  made: Set<string>,
  flat: readonly string[],
) => string[];

/** Pairs from a flat `[from, to, …]` list. */
function pairsOf(flat: readonly string[]): LinkPair[] {
  const pairs: LinkPair[] = [];
  for (let i = 0; i < flat.length; i += 2) pairs.push([flat[i]!, flat[i + 1]!]);
  return pairs;
}

export function openLinker(options: LinkerOptions = {}): Linker {
  const threshold = options.threshold ?? 256;
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  let queued: LinkPair[] = [];
  let worker: Worker | undefined;
  let port: import('worker_threads').MessagePort | undefined;
  let done: Int32Array | undefined;
  let closed = false;
  const send = (pairs: readonly LinkPair[]) => worker!.postMessage(pairs.flat());
  const start = (): boolean => {
    try {
      const channel = new MessageChannel();
      done = new Int32Array(new SharedArrayBuffer(4));
      worker = new Worker(WORKER, {
        eval: true,
        workerData: { port: channel.port2, done },
        transferList: [channel.port2],
        stdout: false,
        stderr: false,
      });
      worker.unref();
      port = channel.port1;
      return true;
    } catch {
      worker = undefined;
      return false;
    }
  };
  return {
    get threaded() {
      return worker !== undefined;
    },
    link(pairs) {
      if (closed) throw new Error('linker: link() after finish()');
      if (worker) return send(pairs);
      queued.push(...pairs);
      if (queued.length >= threshold && start()) {
        send(queued);
        queued = [];
      }
    },
    finish() {
      if (closed) throw new Error('linker: finish() twice');
      closed = true;
      const here = pairsOf(linkLoop(fs, path, new Set(), queued.flat()));
      queued = [];
      if (!worker) return here;
      worker.postMessage(null);
      const deadline = Date.now() + timeoutMs;
      try {
        while (Atomics.load(done!, 0) === 0) {
          Atomics.wait(done!, 0, 0, 100);
          if (Date.now() > deadline) throw new Error('linker: the linking thread did not finish in time');
        }
        return [...pairsOf((receiveMessageOnPort(port!)?.message ?? []) as string[]), ...here];
      } finally {
        port!.close();
        void worker.terminate();
      }
    },
  };
}
