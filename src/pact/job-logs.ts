/** Most verifier output kept per job (the rest is dropped, and the log says so). */
export const MAX_LOG_BYTES = 1024 * 1024;

/** The two output streams of the verifier child. */
export type OutputStream = 'stdout' | 'stderr';

/**
 * The verifier child's output, cut into one log per job. The native verifier writes to fd 1 and
 * 2 itself, so nothing tags its output with a job; instead the child writes `boundary(marker)` on
 * stdout and on stderr once a job has finished, and each stream is cut there: what a stream
 * carried before its n-th boundary belongs to job n, what came after to the next job.
 */
export interface JobLogs {
  /** Take a chunk of one stream. */
  push(stream: OutputStream, chunk: Buffer): void;
  /** How many jobs both streams have carried a boundary for. */
  finished(): number;
  /** The child has gone: what the streams held back (a possible start of a boundary) belongs to the job running. */
  end(): void;
  /**
   * Job `index`'s log (and forget it): both streams' output in arrival order, ANSI colours removed,
   * at most MAX_LOG_BYTES, with a note when output was dropped.
   */
  take(index: number): string;
}

/**
 * What the child writes on each stream after a job. `marker` is unguessable to the verifier (it
 * carries a random UUID), so it needs no line of its own: a job whose output did not end with a
 * newline is still cut right. It starts with a character output rarely ends a chunk with, so the
 * stream is seldom held back waiting to see whether a boundary follows.
 */
export function boundary(marker: string): string {
  return `${marker}\n`;
}

/** A JobLogs that cuts at `boundary(marker)`. */
export function jobLogs(marker: string): JobLogs {
  const cut = Buffer.from(boundary(marker), 'utf8');
  const logs = new Map<number, { chunks: Buffer[]; size: number }>();
  const append = (index: number, bytes: Buffer): void => {
    if (bytes.length === 0) return;
    const log = logs.get(index) ?? { chunks: [], size: 0 };
    if (log.size < MAX_LOG_BYTES) log.chunks.push(bytes);
    log.size += bytes.length;
    logs.set(index, log);
  };
  const streams = { stdout: streamCutter(cut, append), stderr: streamCutter(cut, append) };
  return {
    push: (stream, chunk) => streams[stream].push(chunk),
    finished: () => Math.min(streams.stdout.job(), streams.stderr.job()),
    end: () => {
      streams.stdout.end();
      streams.stderr.end();
    },
    take: (index) => {
      const log = logs.get(index) ?? { chunks: [], size: 0 };
      logs.delete(index);
      const truncated = log.size > MAX_LOG_BYTES ? `\n[verifier output truncated at ${MAX_LOG_BYTES} bytes]\n` : '';
      return Buffer.concat(log.chunks).toString('utf8').replace(/\u001b\[[0-9;]*m/g, '') + truncated;
    },
  };
}

interface StreamCutter {
  push(chunk: Buffer): void;
  /** The job this stream's output now belongs to (the number of boundaries seen). */
  job(): number;
  end(): void;
}

/** One stream: hands each byte to its job, holding back a tail shorter than the boundary that may be its start. */
function streamCutter(cut: Buffer, append: (index: number, bytes: Buffer) => void): StreamCutter {
  let job = 0;
  let pending = Buffer.alloc(0);
  return {
    push: (chunk) => {
      let data = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (let at = data.indexOf(cut); at >= 0; at = data.indexOf(cut)) {
        append(job, data.subarray(0, at));
        job += 1;
        data = data.subarray(at + cut.length);
      }
      const keep = heldBack(data, cut);
      append(job, data.subarray(0, data.length - keep));
      pending = Buffer.from(data.subarray(data.length - keep));
    },
    job: () => job,
    end: () => {
      append(job, pending);
      pending = Buffer.alloc(0);
    },
  };
}

/** The length of the longest end of `data` that is a start of `cut` (it may be completed by the next chunk). */
function heldBack(data: Buffer, cut: Buffer): number {
  for (let n = Math.min(cut.length - 1, data.length); n > 0; n -= 1) {
    if (data.subarray(data.length - n).equals(cut.subarray(0, n))) return n;
  }
  return 0;
}
