import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { quietOnEpipe } from '../../../src/cli/quiet-on-epipe.ts';
import { createJsonReporter, renderJson } from '../../../reporters/json.ts';
import { sampleSummary } from '../reporters/sample-summary.ts';

/** A real Writable that takes its chunks slowly (one per turn of the event loop), as a pipe whose reader lags does. */
function slowSink(): { stream: Writable; received: Buffer[]; maxQueued: () => number } {
  const received: Buffer[] = [];
  let max = 0;
  const stream = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      received.push(chunk);
      setImmediate(callback);
    },
  });
  const write = stream.write.bind(stream);
  stream.write = ((chunk: string) => {
    const full = write(chunk);
    max = Math.max(max, stream.writableLength);
    return full;
  }) as Writable['write'];
  return { stream, received, maxQueued: () => max };
}

function epipe(): NodeJS.ErrnoException {
  return Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
}

describe('quietOnEpipe', () => {
  it('says the stream is full when the stream does, so a writer can wait for drain', async () => {
    const { stream } = slowSink();
    const out = quietOnEpipe(stream);
    expect(out.write('x'.repeat(stream.writableHighWaterMark + 1))).toBe(false);
    await new Promise<void>((resolve) => out.once('drain', resolve));
    expect(out.write('y')).toBe(true);
  });

  it('drops every write after EPIPE without throwing, and says there is nothing to wait for', () => {
    const { stream, received } = slowSink();
    const out = quietOnEpipe(stream);
    stream.emit('error', epipe());
    expect(out.write('after')).toBe(true);
    expect(received).toEqual([]);
  });

  it('rethrows a stream error other than EPIPE', () => {
    const { stream } = slowSink();
    quietOnEpipe(stream);
    expect(() => stream.emit('error', Object.assign(new Error('disk'), { code: 'EIO' }))).toThrow('disk');
  });

  it('lets the JSON reporter keep at most about two chunks queued on a slow stdout, with the same bytes', async () => {
    // About 7 MB of report: with the full signal hidden, the whole text was queued at once.
    const first = sampleSummary.results[0];
    if (first === undefined) throw new Error('sample summary has no result');
    const summary = { ...sampleSummary, results: Array.from({ length: 20_000 }, () => first) };
    const expected = renderJson(summary);
    expect(expected.length).toBeGreaterThan(6_000_000);
    const { stream, received, maxQueued } = slowSink();
    await createJsonReporter({ color: false, stdout: quietOnEpipe(stream) }).onRunEnd?.(summary);
    await new Promise<void>((resolve) => stream.end(resolve));
    expect(Buffer.concat(received).toString('utf8')).toBe(expected);
    expect(maxQueued()).toBeLessThan(2.5 * 2 ** 20);
  });

  it('lets the JSON reporter finish when the reader goes away while it waits for drain', async () => {
    const first = sampleSummary.results[0];
    if (first === undefined) throw new Error('sample summary has no result');
    const summary = { ...sampleSummary, results: Array.from({ length: 20_000 }, () => first) };
    const { stream } = slowSink();
    const out = quietOnEpipe(stream);
    const done = createJsonReporter({ color: false, stdout: out }).onRunEnd?.(summary);
    stream.emit('error', epipe());
    await expect(done).resolves.toBeUndefined();
  });
});
