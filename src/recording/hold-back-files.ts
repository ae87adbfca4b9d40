import { describeLeak, findLeaks, type PendingFile } from './leak-guard.ts';
import { unreplayableReason } from './replayable.ts';

/**
 * The files that must not be written, each with why: the leak guard found a secret in it (the
 * reason names the secret's number, length and encoding, never the value), or replay would refuse
 * it (the reason names the limit). Every other file may be written: one bad file never costs the
 * others.
 */
export function holdBackFiles(files: readonly PendingFile[], secrets: readonly string[]): Map<string, string> {
  const held = new Map<string, string>();
  for (const hit of findLeaks(files, secrets)) {
    const what = describeLeak(hit).slice(hit.path.length + 2);
    const before = held.get(hit.path);
    held.set(hit.path, before === undefined ? `leak guard: ${what}` : `${before}; ${what}`);
  }
  for (const file of files) {
    const why = held.has(file.path) ? undefined : unreplayableReason(file.text, file.path);
    if (why !== undefined) held.set(file.path, `not replayable: ${why}`);
  }
  return held;
}
