import { describe, expect, it } from 'vitest';
import { notifyReporters } from '../../../src/runner/notify-reporters.ts';
import type { Reporter } from '../../../src/types/reporter.ts';

describe('notifyReporters', () => {
  it('calls the hook on every reporter that has it, in order, and skips the others', async () => {
    const calls: string[] = [];
    const reporters: Reporter[] = [
      { name: 'a', onWarning: (m) => void calls.push(`a:${m}`) },
      { name: 'silent' },
      { name: 'b', onWarning: async (m) => void calls.push(`b:${m}`) },
    ];
    await notifyReporters(reporters, () => calls.push('failure'))('onWarning', 'stale recording');
    expect(calls).toEqual(['a:stale recording', 'b:stale recording']);
  });

  it('turns a throwing or rejecting hook into a failure message and still calls the rest', async () => {
    const failures: string[] = [];
    const calls: string[] = [];
    const reporters: Reporter[] = [
      { name: 'sync', onWarning: () => { throw new Error('boom'); } },
      { name: 'async', onWarning: () => Promise.reject(new Error('later')) },
      { name: 'ok', onWarning: (m) => void calls.push(m) },
    ];
    await notifyReporters(reporters, (m) => failures.push(m))('onWarning', 'w');
    expect(failures).toEqual(['reporter sync failed in onWarning: boom', 'reporter async failed in onWarning: later']);
    expect(calls).toEqual(['w']);
  });
});
