import { describe, expect, it } from 'vitest';
import { decideColor } from '../../../src/cli/color.ts';

describe('decideColor', () => {
  it.each<[string, readonly string[], Record<string, string>, boolean, boolean]>([
    ['follows the detection when nothing is set', [], {}, true, true],
    ['is off without a TTY when nothing is set', [], {}, false, false],
    ['turns off with NO_COLOR', [], { NO_COLOR: '1' }, true, false],
    ['turns on with FORCE_COLOR', [], { FORCE_COLOR: '1' }, false, true],
    ['turns off with FORCE_COLOR=0', [], { FORCE_COLOR: '0' }, true, false],
    ['turns off with TERM=dumb', [], { TERM: 'dumb' }, true, false],
    ['lets --color win over NO_COLOR', ['--color'], { NO_COLOR: '1' }, false, true],
    ['lets --no-color win over everything', ['--no-color', '--color'], { FORCE_COLOR: '1' }, true, false],
  ])('%s', (_what, argv, env, detected, expected) => {
    expect(decideColor({ argv, env, detected })).toBe(expected);
  });
});
