import { Command, CommanderError } from 'commander';
import { isSuiteError } from '../errors.ts';
import { registerAudit } from './register/audit.ts';
import { registerBuild } from './register/build.ts';
import { registerCheck } from './register/check.ts';
import { registerCorpus } from './register/corpus.ts';
import { registerCoverage } from './register/coverage.ts';
import { registerPact } from './register/pact.ts';
import { registerParse } from './register/parse.ts';
import { registerProbe } from './register/probe.ts';
import { registerRecord } from './register/record.ts';
import { registerRedact } from './register/redact.ts';
import { registerRun } from './register/run.ts';
import { registerSimulate } from './register/simulate.ts';
import { registerValidate } from './register/validate.ts';
import type { CliIo } from './io.ts';
import { TOOL } from './options.ts';
import { PROJECT } from './paths.ts';
import { decideColor } from './color.ts';
import { describePathDefaults } from './describe-path-defaults.ts';
import { quietOnEpipe } from './quiet-on-epipe.ts';
import { registerFindings } from './register/findings.ts';
import { registerMergeReports } from './register/merge-reports.ts';

/** Exit code for a bug (neither a conformance failure nor a usage error). */
const EXIT_BUG = 70;

/**
 * The composition root: parse arguments, run one command, map every failure to an exit code
 * (0 conformant, 1 conformance failure, 2 usage/configuration error, 70 bug).
 */
export async function main(argv: readonly string[], io: CliIo = processIo()): Promise<number> {
  let exitCode = 0;
  if (PROJECT.problem !== undefined) {
    io.stderr.write(`error: ${PROJECT.problem}\n`);
    return 2;
  }
  const program = buildProgram({ ...io, setExitCode: (code) => (exitCode = code) });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    return handleError(error, io);
  }
}

function buildProgram(io: CliIo): Command {
  const program = new Command('conformance')
    .description('Contract-testing and conformance suite for invoice-update APIs (Centra, EBizCharge, CRM.COM, InvoiceXpress, OpsPlanning)')
    .version(TOOL.version)
    .exitOverride()
    .showHelpAfterError('(add --help for usage)')
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) })
    // Parsed by the one colour decision (src/cli/color.ts); declared so commander accepts them anywhere.
    .option('--color', 'force colour on (also FORCE_COLOR=1)')
    .option('--no-color', 'turn colour off (also NO_COLOR=1, TERM=dumb)')
    .addHelpText('after', '\nExit codes: 0 conformant, 1 conformance failure, 2 usage or configuration error.');
  registerRun(program, io);
  registerValidate(program, io);
  registerBuild(program, io);
  registerParse(program, io);
  registerProbe(program, io);
  registerRecord(program, io);
  registerSimulate(program, io);
  registerCoverage(program, io);
  registerAudit(program, io);
  registerCheck(program, io);
  registerRedact(program, io);
  registerCorpus(program, io);
  registerPact(program, io);
  registerFindings(program, io);
  registerMergeReports(program, io);
  for (const command of program.commands) command.exitOverride().showHelpAfterError('(add --help for usage)');
  describePathDefaults(program);
  return program;
}

function handleError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and version are successful exits; every other commander error is a usage error.
    return error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help' ? 0 : 2;
  }
  if (isSuiteError(error)) {
    io.stderr.write(`error: ${error.message}\n`);
    for (const line of error.details) io.stderr.write(`  ${line}\n`);
    return 2;
  }
  io.stderr.write(`internal error (a bug in the suite; please report it):\n${(error as Error).stack ?? String(error)}\n`);
  return EXIT_BUG;
}

function processIo(): CliIo {
  const tty = process.stdout.isTTY === true;
  // A pseudo-terminal without a size reports 0 columns: lay out for 80 then.
  const columns = tty && process.stdout.columns > 0 ? process.stdout.columns : undefined;
  const io = { stdout: quietOnEpipe(process.stdout), stderr: process.stderr, color: decideColor(), tty, setExitCode: () => undefined };
  return columns === undefined ? io : { ...io, columns };
}
