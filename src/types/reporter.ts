import type { CheckResult } from '../model/check-result.ts';
import type { RunSummary } from '../model/run-summary.ts';

/** What a reporter learns when the run starts. */
export interface RunStartInfo {
  readonly target: string;
  readonly contracts: readonly string[];
  /** Number of checks planned, for progress display. */
  readonly planned: number;
}

/** A reporter: optional, awaitable hooks (like vitest's Reporter). The runner isolates failures of each. */
export interface Reporter {
  readonly name: string;
  onRunStart?(info: RunStartInfo): void | Promise<void>;
  onCheckResult?(result: CheckResult): void | Promise<void>;
  onWarning?(message: string): void | Promise<void>;
  onRunEnd?(summary: RunSummary): void | Promise<void>;
}

/** Where a reporter writes: stdout when `path` is absent. */
export interface ReporterOptions {
  readonly path?: string;
  /** Whether ANSI colour is on; decided once by the CLI from isTTY and NO_COLOR. */
  readonly color: boolean;
  readonly stdout: { write(chunk: string): unknown };
}
