import { accessSync, constants, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { SuiteError } from '../../src/errors.ts';

/**
 * Check, when the reporter is created (before any run), that a report can be written to `path`: an existing path must not be a
 * folder and must be writable; otherwise the nearest existing folder above it must be writable (the
 * missing folders are created when the report is written).
 * @throws SuiteError `REPORTER_INVALID` naming the path and why, in one line.
 */
export function checkReportPath(path: string, spec: string): void {
  const fail = (why: string): never => {
    throw new SuiteError('REPORTER_INVALID', `Cannot write --reporter ${spec}: ${why}.`);
  };
  const existing = statOrUndefined(path);
  if (existing !== undefined) {
    if (existing.isDirectory()) fail(`${path} is a folder`);
    if (!writable(path)) fail(`${path} is not writable (permission denied)`);
    return;
  }
  // Nothing new can be created under /dev or /proc; only existing devices are written there.
  if (/^\/(dev|proc)\//.test(path)) fail(`${path} does not exist`);
  let dir = dirname(path);
  for (;;) {
    const info = statOrUndefined(dir);
    if (info !== undefined) {
      if (!info.isDirectory()) fail(`${dir} is not a folder`);
      if (!writable(dir, constants.W_OK | constants.X_OK)) fail(`folder ${dir} is not writable (permission denied)`);
      return;
    }
    const parent = dirname(dir);
    if (parent === dir) return;
    dir = parent;
  }
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

function writable(path: string, mode: number = constants.W_OK): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}
