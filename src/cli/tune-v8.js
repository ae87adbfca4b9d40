// Start-up tuning for the CLI process, applied by src/cli/bin.js before any of the program loads. Plain JS,
// like the bin, because it runs before the bundle or tsx. Both settings change speed only, never results.
import { lstatSync, mkdirSync } from 'node:fs';
import module from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';

/**
 * How much work a function does before V8's optimizing compiler (TurboFan) compiles it, raised about
 * twenty-fold from V8's defaults. A run is short: with the defaults TurboFan spent about 0.2 s of CPU
 * (a background thread, on top of the run) compiling 63 functions of the offline run that finished soon
 * after, more than they saved; later tier-up cut the offline run's CPU by about a quarter, and did not
 * slow 5,000 exchanges. V8 11 (Node 20) counts a bytecode budget, V8 12 and later (Node 22, 24) calls.
 */
export const TURBOFAN_TIER_UP = { interruptBudget: 3_000_000, invocationCount: 30_000 };

/** The V8 flag that delays TurboFan on this V8, or undefined where neither known flag exists. */
export function tierUpFlag(v8Version = process.versions.v8) {
  const major = Number(v8Version.split('.')[0]);
  if (major === 11) return `--interrupt-budget=${TURBOFAN_TIER_UP.interruptBudget}`;
  if (major >= 12) return `--invocation-count-for-turbofan=${TURBOFAN_TIER_UP.invocationCount}`;
  return undefined;
}

/** Delay TurboFan (see TURBOFAN_TIER_UP), unless the user set the flag through NODE_OPTIONS or node's options. */
export function delayTierUp() {
  const flag = tierUpFlag();
  if (flag === undefined) return;
  const given = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  if (!given.includes(flag.slice(0, flag.indexOf('=')))) setFlagsFromString(flag);
}

/**
 * The folder of V8's compiled code for this program (`module.enableCompileCache`, Node 22.1 and later), in
 * the user's private cache folder: it and its parent must be the user's own real folders with mode 0700,
 * as the other caches' are (src/contract/private-store.ts), since code read from it runs. Undefined otherwise.
 */
export function compileCacheDir() {
  const parent = join(tmpdir(), `invoice-update-conformance-${process.getuid?.() ?? 'user'}`);
  const dir = join(parent, 'compile-cache');
  try {
    // One level at a time: Node's recursive mkdirSync never returns for a path under /proc.
    for (const path of [parent, dir]) {
      try {
        mkdirSync(path, { mode: 0o700 });
      } catch (error) {
        if (error.code !== 'EEXIST') throw error;
      }
    }
    for (const path of [parent, dir]) {
      const s = lstatSync(path);
      if (!s.isDirectory() || (process.getuid !== undefined && s.uid !== process.getuid()) || (s.mode & 0o077) !== 0) return undefined;
    }
    return dir;
  } catch {
    return undefined;
  }
}

/** Keep V8's compiled code of the modules across runs where Node can (22.1 and later); a no-op on Node 20. */
export function enableCompileCache() {
  if (typeof module.enableCompileCache !== 'function' || process.env.NODE_COMPILE_CACHE !== undefined) return;
  const dir = compileCacheDir();
  if (dir !== undefined) module.enableCompileCache(dir);
}

/**
 * How far (in percent) V8 lets the old generation grow past what the last full collection kept before it
 * collects again. V8 chooses up to 300% on a machine with memory to spare. Replay at scale promotes a lot
 * that dies soon after: on Node 20 what msw and fetch make for a request outlives young-generation
 * collections (a 3,000-request msw loop promoted a fifth of what it allocated, the same Requests and
 * Responses without msw a twentieth; web streams, about six per exchange, were the largest share), so at
 * 4,924 exchanges about 300 MB that the next full collection freed was promoted, and the old generation
 * grew to about four times its live size. At 4,924 exchanges, report to stdout through a pipe, alternating
 * in the same minutes: 100% peaks at 269-280 MiB with CPU like V8's own choice (median 11.4 s of 6 runs
 * against 12.2 s of 10), which peaks at 367-389 MiB; 50% peaks lower (240-260 MiB) but cost CPU (median
 * 14.0 s of 10, above V8's choice in 8 of 10 pairs) (README, Performance). Not a cap: the heap still
 * grows as far as the run needs.
 */
export const RUN_HEAP_GROWING_PERCENT = 100;

/** The V8 flag for these CLI arguments: set for the `run` command only, whose growth was measured. */
export function heapGrowthFlag(argv) {
  const command = argv.find((a) => !a.startsWith('-'));
  return command === 'run' ? `--heap-growing-percent=${RUN_HEAP_GROWING_PERCENT}` : undefined;
}

/** Apply {@link heapGrowthFlag}, unless the user set the flag through NODE_OPTIONS or node's options. */
export function limitHeapGrowth(argv = process.argv.slice(2)) {
  const flag = heapGrowthFlag(argv);
  if (flag === undefined) return;
  const given = `${process.execArgv.join(' ')} ${process.env.NODE_OPTIONS ?? ''}`;
  if (!given.includes('--heap-growing-percent')) setFlagsFromString(flag);
}
