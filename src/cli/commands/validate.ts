import { loadAllContracts } from '../load-contracts.ts';
import type { CliIo } from '../io.ts';

/** The `validate` command's action (loaded when the command runs). */
export async function validateAction(paths: string[], io: CliIo): Promise<void> {
  const contracts = await loadAllContracts(paths);
  for (const l of contracts) io.stdout.write(`ok ${l.file} (${l.contract.id}: ${l.contract.cases.length} cases, ${l.contract.responses.length} responses)\n`);
  io.setExitCode(0);
}
