import { describe, expect, it } from 'vitest';
import { holdBackFiles } from '../../../src/recording/hold-back-files.ts';
import { MAX_RECORDING_BYTES } from '../../../src/recording/replayable.ts';

const SECRET = 'hold-back-Secret&<>';
const har = (body: string): string => JSON.stringify({ log: { version: '1.2', creator: { name: 't', version: '1' }, entries: [] }, body });

describe('holdBackFiles', () => {
  it('holds back only the leaking file and the oversized one, saying why, never the value', () => {
    const files = [
      { path: 'ok.har', text: har('fine') },
      { path: 'leak.har', text: har(`echo ${encodeURIComponent(SECRET.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'))}`) },
      { path: 'big.har', text: har('"'.repeat(MAX_RECORDING_BYTES / 2 + 10)) },
    ];
    const held = holdBackFiles(files, [SECRET]);
    expect([...held.keys()].sort()).toEqual(['big.har', 'leak.har']);
    expect(held.get('leak.har')).toBe(`leak guard: secret #1 (${SECRET.length} characters) found XML-escaped, then URL-encoded`);
    expect(held.get('big.har')).toContain(`over the recording read limit MAX_RECORDING_BYTES (${MAX_RECORDING_BYTES} bytes`);
  });

  it('holds back a file that is not valid HAR, as replay would refuse it', () => {
    expect(holdBackFiles([{ path: 'x.har', text: '{"log":{}}' }], [])).toEqual(new Map([['x.har', expect.stringMatching(/^not replayable: replay could not read it: x\.har: not valid HAR 1\.2/)]]));
  });
});
