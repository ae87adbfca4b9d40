/**
 * A Postman collection of the same exchanges `run --target simulate` sends: each case's request, built with
 * the simulators' test credentials against the running simulators, with two assertions (the status is an
 * HTTP status and the answer has a content type), as a Postman user would write them.
 */
import { buildRequest } from '../../src/protocols/build-request.ts';
import { testCredentials } from '../../src/targets/simulate/test-credentials.ts';
import type { LoadedContract } from '../../src/types/contract.ts';

const ASSERTIONS = [
  "pm.test('status is an HTTP status', () => pm.expect(pm.response.code).to.be.within(100, 599));",
  "pm.test('answer has a content type', () => pm.response.to.have.header('Content-Type'));",
];

/** Assertions per request in the collection. */
export const NEWMAN_ASSERTIONS_PER_REQUEST = ASSERTIONS.length;

/** The collection (Postman v2.1) and its request count. */
export function newmanCollection(contracts: readonly LoadedContract[], baseUrls: Readonly<Record<string, string>>): { collection: object; requests: number } {
  const item = contracts.flatMap(({ contract }) =>
    contract.cases.map((c) => {
      const baseUrl = baseUrls[contract.id];
      if (baseUrl === undefined) throw new Error(`no simulator for ${contract.id}`);
      const { request } = buildRequest(contract, c.input, { baseUrl, credentials: testCredentials(contract) });
      return {
        name: `${contract.id} ${c.name}`,
        request: {
          method: request.method,
          url: request.url,
          header: Object.entries(request.headers).map(([key, value]) => ({ key, value })),
          ...(request.body === '' ? {} : { body: { mode: 'raw', raw: request.body } }),
        },
        event: [{ listen: 'test', script: { type: 'text/javascript', exec: ASSERTIONS } }],
      };
    }),
  );
  return {
    collection: { info: { name: 'conformance bench', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' }, item },
    requests: item.length,
  };
}
