/** The process edges the CLI touches, injected so the composition root stays testable. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  /** Colour decided once (see src/cli/color.ts). */
  readonly color: boolean;
  /** Terminal width of stdout; absent when stdout is not a terminal. */
  readonly columns?: number;
  /** True when stdout is a terminal (progress lines may be redrawn). */
  readonly tty?: boolean;
  setExitCode(code: number): void;
}
