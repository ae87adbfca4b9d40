import { MAX_RECORDING_BYTES, parseHar } from './read-har.ts';

export { MAX_RECORDING_BYTES };

/**
 * Why replay would refuse this recording text, or undefined when it would read it. `record` asks
 * before writing, so it never writes a file the next run refuses (a 3 MiB answer of `"` characters
 * is 6 MB once JSON-escaped in a HAR). Uses the very reader replay uses.
 */
export function unreplayableReason(text: string, path: string): string | undefined {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAX_RECORDING_BYTES) {
    return `the HAR would be ${bytes} bytes, over the recording read limit MAX_RECORDING_BYTES (${MAX_RECORDING_BYTES} bytes, ${MAX_RECORDING_BYTES / 1048576} MiB) that replay enforces; the response body is too large once JSON-escaped`;
  }
  const parsed = parseHar(text, path);
  return parsed.ok ? undefined : `replay could not read it: ${parsed.problem}`;
}
