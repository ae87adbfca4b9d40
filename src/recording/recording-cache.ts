import type { Result } from '../model/result.ts';
import type { Har } from './har.ts';
import { readHar } from './read-har.ts';

/** Reads each recording file once per run, however many consumers ask for it. */
export interface RecordingCache {
  read(file: string): Promise<Result<Har, string>>;
  /** Forget a file its last consumer has read (a run, once its case has the entry), so the run does not hold every recording to the end. */
  release?(file: string): void;
}

/** A new, empty cache. */
export function createRecordingCache(): RecordingCache {
  const files = new Map<string, Promise<Result<Har, string>>>();
  return {
    read(file) {
      let pending = files.get(file);
      if (pending === undefined) {
        pending = readHar(file);
        files.set(file, pending);
      }
      return pending;
    },
    release(file) {
      files.delete(file);
    },
  };
}
