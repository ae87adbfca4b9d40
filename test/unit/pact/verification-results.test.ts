import { describe, expect, it } from 'vitest';
import { clarkPath, verificationResults } from '../../../src/pact/verification-results.ts';

const interactions = [
  { description: 'update-ok', states: ['invoice 1 exists'] },
  { description: 'not-update-ok', states: [] },
];

describe('verificationResults', () => {
  it('passes the interactions the verifier says OK', () => {
    const json = JSON.stringify({ errors: [], interactionResults: [{ description: 'update-ok', result: 'OK', duration: '12ms' }, { description: 'not-update-ok', result: 'OK', duration: '1s' }] });
    const results = verificationResults('v/op', interactions, json, []);
    expect(results.map((r) => [r.case, r.state, r.durationMs])).toEqual([['update-ok', 'passed', 12], ['not-update-ok', 'passed', 1000]]);
  });

  it('fails an interaction with one violation per mismatch, named by its path, and matches the right interaction by name', () => {
    const json = JSON.stringify({
      interactionResults: [{ description: 'update-ok', result: 'OK' }, { description: 'not-update-ok', result: 'Error' }],
      errors: [{ interaction: 'Verifying a pact between c and p - not-update-ok', mismatch: { type: 'mismatches', mismatches: [
        { type: 'BodyMismatch', path: "$['urn:a:Envelope']['urn:v:Count']['#text']", expected: '3', actual: 'x', mismatch: "Expected 'x' to match an integer number\n\nStack backtrace:\n 0: <unknown>" },
        { type: 'StatusMismatch', expected: 200, actual: 500, mismatch: 'expected 200 but was 500' },
      ] } }],
    });
    const [ok, failed] = verificationResults('v/op', interactions, json, []);
    expect(ok?.state).toBe('passed');
    expect(failed?.state).toBe('failed');
    if (failed?.state !== 'failed') return;
    expect(failed.violations.map((v) => [v.rule, v.path])).toEqual([['pact.body-mismatch', '/{urn:a}Envelope/{urn:v}Count/#text'], ['pact.status-mismatch', 'status']]);
    expect(failed.violations[0]?.message).toBe("Received: x / Expected: 3. Expected 'x' to match an integer number");
  });

  it('fails the interactions whose provider state could not be set up', () => {
    const json = JSON.stringify({ errors: [], interactionResults: [{ description: 'update-ok', result: 'OK' }, { description: 'not-update-ok', result: 'OK' }] });
    const [withState, without] = verificationResults('v/op', interactions, json, [{ state: 'invoice 1 exists', message: 'POST /__simulator/state answered 404' }]);
    expect(withState?.state).toBe('failed');
    expect(without?.state).toBe('passed');
  });

  it('writes qualified XML paths in Clark notation and keeps JSON paths', () => {
    expect(clarkPath("$['http://x/y:Envelope']['faultcode']['#text']")).toBe('/{http://x/y}Envelope/faultcode/#text');
    expect(clarkPath('$.status.code')).toBe('$.status.code');
  });
});
