import { createPalette } from '../../../reporters/console/palette.ts';
import { renderCoverage } from '../../../reporters/console/coverage.ts';
import { runConformance } from '../../runner/run-conformance.ts';
import { createReplayTarget } from '../../targets/replay.ts';
import { loadReplayEntries } from '../../targets/load-replay-entries.ts';
import { createRecordingCache } from '../../recording/recording-cache.ts';
import { placeholderCredentials } from '../../contract/placeholder-credentials.ts';
import { CHECKS } from '../../../suites/index.ts';
import { filterByVendor, loadAllContracts } from '../load-contracts.ts';
import type { CliIo } from '../io.ts';
import { TOOL } from '../options.ts';

export interface CoverageFlags {
  readonly vendor: string[];
  readonly json?: boolean;
  readonly all?: boolean;
  readonly contracts: string;
  readonly recordings: string;
}

/** The `coverage` command's action (loaded when the command runs). */
export async function coverageAction(flags: CoverageFlags, io: CliIo): Promise<void> {
  const contracts = filterByVendor(await loadAllContracts([flags.contracts]), flags.vendor);
  const recordings = createRecordingCache();
  const target = createReplayTarget(await loadReplayEntries(contracts, flags.recordings, recordings), contracts.map((l) => l.contract));
  try {
    const summary = await runConformance({ contracts, checks: CHECKS, reporters: [], tool: TOOL, recordingsDir: flags.recordings, recordings, target, credentials: placeholderCredentials });
    if (flags.json === true) io.stdout.write(`${JSON.stringify(summary.coverage, null, 2)}\n`);
    else io.stdout.write(`${renderCoverage(summary, createPalette(io.color), flags.all === true).join('\n')}\n`);
    io.setExitCode(summary.coverage.every((c) => c.covered === c.total) ? 0 : 1);
  } finally {
    await target.close();
  }
}
