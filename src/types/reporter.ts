import type { CheckResult } from '../model/check-result.ts';
import type { RunSummary } from '../model/run-summary.ts';

/** What a reporter learns when the run starts. */
export interface RunStartInfo {
  readonly target: string;
  readonly contracts: readonly string[];
  /** Number of checks planned, for progress display. */
  readonly planned: number;
  /** Number of exchanges (cases whose request goes to the target), for progress display. */
  readonly exchanges?: number;
}

/** One request sent to the target and its answer, as it completes (before its checks run). */
export interface ExchangeInfo {
  readonly contract: string;
  readonly case: string;
  /** True when the target answered (any HTTP status); false for a timeout, network error or replay miss. */
  readonly ok: boolean;
  /** HTTP status of the answer, when there was one. */
  readonly status?: number;
  /** Why there was no answer (already redacted by the target). */
  readonly problem?: string;
  readonly durationMs: number;
  /** Exchanges completed so far, this one included, and the number planned. */
  readonly done: number;
  readonly total: number;
}

/** A reporter: optional, awaitable hooks (like vitest's Reporter). The runner isolates failures of each. */
export interface Reporter {
  readonly name: string;
  onRunStart?(info: RunStartInfo): void | Promise<void>;
  /** Each exchange as it completes; runs against live and simulate targets can take minutes. */
  onExchange?(exchange: ExchangeInfo): void | Promise<void>;
  onCheckResult?(result: CheckResult): void | Promise<void>;
  onWarning?(message: string): void | Promise<void>;
  onRunEnd?(summary: RunSummary): void | Promise<void>;
}

/** Where a reporter writes: stdout when `path` is absent. */
export interface ReporterOptions {
  readonly path?: string;
  /** Whether ANSI colour is on; decided once by the CLI (see src/cli/color.ts). */
  readonly color: boolean;
  readonly stdout: { write(chunk: string): unknown };
  /** Terminal width for the console; absent: 80. */
  readonly columns?: number;
  /** True when stdout is a terminal: the console may redraw a progress line. */
  readonly tty?: boolean;
}
