/** A writable stream as the CLI uses it: `write`, error events, and the events a writer waits on. */
interface ErrorEmittingStream {
  write(chunk: string): boolean;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
  once(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
}

/** What {@link quietOnEpipe} returns: `write` says "full" as the stream does, and a writer can wait for `drain`. */
export interface QuietStream {
  write(chunk: string): boolean;
  once(event: string, listener: () => void): unknown;
  removeListener(event: string, listener: () => void): unknown;
}

/**
 * Wrap stdout so that a reader that goes away (`conformance run | head -1`) ends our output quietly,
 * as Unix tools do: after EPIPE every further write is dropped, and the run finishes with its own
 * exit code instead of a stack trace. Other stream errors are rethrown. Until then `write` returns
 * the stream's own answer (false: its queue is full, wait for `drain`), so a long report written in
 * chunks is not queued in memory all at once when stdout is a pipe (Node writes pipes asynchronously);
 * a dropped write returns true, since there is nothing to wait for.
 */
export function quietOnEpipe(stream: ErrorEmittingStream): QuietStream {
  let closed = false;
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') {
      closed = true;
      return;
    }
    throw error;
  });
  return {
    write(chunk: string): boolean {
      if (closed) return true;
      return stream.write(chunk);
    },
    once: (event, listener) => stream.once(event, listener),
    removeListener: (event, listener) => stream.removeListener(event, listener),
  };
}
