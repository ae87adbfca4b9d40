/** A writable stream as the CLI uses it: `write` and error events. */
interface ErrorEmittingStream {
  write(chunk: string): unknown;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

/**
 * Wrap stdout so that a reader that goes away (`conformance run | head -1`) ends our output quietly,
 * as Unix tools do: after EPIPE every further write is dropped, and the run finishes with its own
 * exit code instead of a stack trace. Other stream errors are rethrown.
 */
export function quietOnEpipe(stream: ErrorEmittingStream): { write(chunk: string): boolean } {
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
      if (closed) return false;
      stream.write(chunk);
      return true;
    },
  };
}
