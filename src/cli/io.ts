/** The process edges the CLI touches, injected so the composition root stays testable. */
export interface CliIo {
  readonly stdout: { write(chunk: string): unknown };
  readonly stderr: { write(chunk: string): unknown };
  /** Colour decided once, from isTTY and NO_COLOR. */
  readonly color: boolean;
  setExitCode(code: number): void;
}
