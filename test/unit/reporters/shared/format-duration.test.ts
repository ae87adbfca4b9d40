import { describe, expect, it } from 'vitest';
import { formatDuration, formatSeconds } from '../../../../reporters/shared/format-duration.ts';

describe('formatDuration', () => {
  it('reads as ms under a second, seconds under a minute, then minutes and seconds', () => {
    expect([formatDuration(0), formatDuration(850.4), formatDuration(1234), formatDuration(125_000)]).toEqual([
      '0ms',
      '850ms',
      '1.23s',
      '2m 05s',
    ]);
  });

  it('never prints 60 seconds in a minute, and treats negative or NaN as zero', () => {
    expect(formatDuration(119_600)).toBe('2m 00s');
    expect(formatDuration(-5)).toBe('0ms');
    expect(formatDuration(Number.NaN)).toBe('0ms');
  });
});

describe('formatSeconds', () => {
  it('gives decimal seconds with millisecond precision, as JUnit expects', () => {
    expect([formatSeconds(2), formatSeconds(1234), formatSeconds(-1)]).toEqual(['0.002', '1.234', '0.000']);
  });
});
