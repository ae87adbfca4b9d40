import type { HttpResponse } from '../../model/http.ts';
import type { ControlRoute } from '../../targets/simulate/serve-simulator.ts';
import type { Simulator } from '../../targets/simulate/simulator.ts';
import type { RequestLog } from '../../runner/received/request-log.ts';

/** Path of the redacted list of received requests. */
export const REQUESTS_PATH = '/__simulator/requests';
/** Path that puts every simulator back to its seed (the received requests stay in the report). */
export const RESET_PATH = '/__simulator/reset';
/** Path that writes the conformance report now. */
export const REPORT_PATH = '/__simulator/report';

/** What the control routes act on. Every simulator's server answers them, for all simulators. */
export interface ControlContext {
  readonly log: RequestLog;
  readonly simulators: readonly Simulator[];
  /** Write the report files; returns what was written and whether every request conformed. */
  readonly writeReport: () => Promise<{ readonly written: readonly string[]; readonly ok: boolean }>;
}

const json = (status: number, value: unknown): HttpResponse => ({ status, headers: { 'content-type': 'application/json' }, body: `${JSON.stringify(value, null, 2)}\n` });

/**
 * The simulators' control routes (a route table: add one entry per route):
 * `GET /__simulator/requests` (redacted), `POST /__simulator/reset`, `POST /__simulator/report`.
 */
export function controlRoutes(ctx: ControlContext): ControlRoute[] {
  return [
    {
      method: 'GET',
      path: REQUESTS_PATH,
      handle: () =>
        json(200, {
          requests: ctx.log.entries().map((r) => ({
            index: r.index,
            contract: r.contract,
            label: r.label,
            conformant: r.conformant,
            outcome: r.response.outcome,
            violations: r.violations,
            redactions: r.redactions,
            request: r.exchange.request,
            response: { status: r.exchange.response.status, headers: r.exchange.response.headers },
          })),
        }),
    },
    {
      method: 'POST',
      path: RESET_PATH,
      handle: () => {
        // The state starts over; the requests received so far stay in the report.
        for (const s of ctx.simulators) s.reset();
        return json(200, { reset: true });
      },
    },
    {
      method: 'POST',
      path: REPORT_PATH,
      handle: async () => {
        const { written, ok } = await ctx.writeReport();
        const received = ctx.log.entries();
        return json(200, { ok, requests: received.length, failed: received.filter((r) => !r.conformant).length, written });
      },
    },
  ];
}
