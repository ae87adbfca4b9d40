import { SuiteError } from '../errors.ts';

/**
 * `crmcom=R11.0.0` pairs of `--vendor-version` (`run` and `check`); an unknown vendor or a malformed pair
 * is a usage error. Its own file so `check` does not load `run`'s replay target (and msw) to read them.
 */
export function parseVendorVersions(pairs: readonly string[], vendors: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const m = /^([a-z0-9-]+)=([A-Za-z]*\d+(\.\d+)*)$/.exec(pair);
    if (m === null) throw new SuiteError('USAGE', `--vendor-version "${pair}" is not VENDOR=VERSION (e.g. crmcom=R11.0.0).`);
    const [, vendor = '', version = ''] = m;
    if (!vendors.includes(vendor)) throw new SuiteError('USAGE', `--vendor-version names unknown vendor "${vendor}". Known vendors: ${[...new Set(vendors)].sort().join(', ')}.`);
    out[vendor] = version;
  }
  return out;
}
