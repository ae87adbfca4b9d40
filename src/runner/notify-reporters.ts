import type { Reporter } from '../types/reporter.ts';

type Hook = 'onRunStart' | 'onExchange' | 'onCheckResult' | 'onWarning' | 'onRunEnd';
type HookArg<H extends Hook> = Parameters<NonNullable<Reporter[H]>>[0];

/**
 * Call a hook on every reporter, isolating each: one that throws is reported as a warning and
 * cannot stop the others from writing.
 */
export function notifyReporters(reporters: readonly Reporter[], onFailure: (message: string) => void) {
  return async <H extends Hook>(hook: H, arg: HookArg<H>): Promise<void> => {
    for (const reporter of reporters) {
      const fn = reporter[hook] as ((a: HookArg<H>) => void | Promise<void>) | undefined;
      if (fn === undefined) continue;
      try {
        await fn.call(reporter, arg);
      } catch (error) {
        onFailure(`reporter ${reporter.name} failed in ${hook}: ${(error as Error).message}`);
      }
    }
  };
}
