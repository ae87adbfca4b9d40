import type { Command } from 'commander';
import type { CliIo } from '../io.ts';

/** `conformance pact verify`. */
export function registerPactVerify(pact: Command, io: CliIo): void {
  void io;
  void pact;
}
