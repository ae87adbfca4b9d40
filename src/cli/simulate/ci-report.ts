import type { LoadedContract } from '../../types/contract.ts';
import type { Reporter } from '../../types/reporter.ts';
import type { RequestLog } from '../../runner/received/request-log.ts';
import { receivedSummary } from '../../runner/received/received-summary.ts';
import { TOOL } from '../options.ts';

/** Writes the simulators' conformance report with the run's own reporters (json, junit, console). */
export interface CiReport {
  write(): Promise<{ readonly written: readonly string[]; readonly ok: boolean }>;
}

/**
 * A report of every request received so far: the RunSummary of the received requests, rendered by each
 * reporter once. One reporter that throws does not stop the others; its error goes to `onError`.
 */
export function createCiReport(log: RequestLog, contracts: readonly LoadedContract[], reporters: readonly { readonly reporter: Reporter; readonly path: string }[], onError: (message: string) => void): CiReport {
  const startedAt = new Date();
  return {
    write: async () => {
      const summary = receivedSummary(log.entries(), { tool: TOOL, target: 'simulate', startedAt: startedAt.toISOString(), durationMs: Date.now() - startedAt.getTime(), contracts });
      const written: string[] = [];
      for (const { reporter, path } of reporters) {
        try {
          await reporter.onRunEnd?.(summary);
          written.push(path);
        } catch (error) {
          onError(`reporter ${reporter.name} failed: ${(error as Error).message}`);
        }
      }
      return { written, ok: summary.ok };
    },
  };
}
