import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_CAPTURE_CONTAINERS } from '../../../src/check/capture-limits.ts';
import { parseCapture, readCapture } from '../../../src/check/read-capture.ts';

const minimal = (entry: Record<string, unknown>) => JSON.stringify({ log: { entries: [entry] } });
const request = { method: 'post', url: 'https://h.example/p', headers: [{ name: 'Content-Type', value: 'text/xml' }] };

describe('parseCapture', () => {
  it('accepts an entry with only what identifies the exchange, filling what tools omit', () => {
    const parsed = parseCapture(minimal({ request: { ...request, postData: { text: '<a/>' } }, response: { status: 200, headers: [], content: { text: 'ok' } } }), 'x.har');
    if (!parsed.ok) throw new Error(parsed.problem);
    const [entry] = parsed.value.entries;
    expect(entry?.exchange.request).toEqual({ method: 'POST', url: 'https://h.example/p', headers: { 'content-type': 'text/xml' }, body: '<a/>' });
    expect(entry?.exchange.response.body).toBe('ok');
    expect(entry?.index).toBe(1);
  });

  it('decodes base64 response content and base64 postData, with the charset of the media type', () => {
    const latin1 = Buffer.from('<a>café</a>', 'latin1').toString('base64');
    const parsed = parseCapture(minimal({ request: { ...request, postData: { mimeType: 'text/xml', encoding: 'base64', text: Buffer.from('<b/>').toString('base64') } }, response: { status: 200, headers: [], content: { mimeType: 'text/xml; charset=ISO-8859-1', encoding: 'base64', text: latin1 } } }), 'x.har');
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.value.entries[0]?.exchange.request.body).toBe('<b/>');
    expect(parsed.value.entries[0]?.exchange.response.body).toBe('<a>café</a>');
  });

  it('tells a body the capture did not keep from an empty one', () => {
    const parsed = parseCapture(JSON.stringify({ log: { entries: [
      { request: { ...request, bodySize: 12 }, response: { status: 200, headers: [], content: { size: 40 } } },
      { request, response: { status: 200, headers: [], content: { size: 0 } } },
    ] } }), 'x.har');
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.value.entries.map((e) => [e.requestBody, e.responseBody])).toEqual([['not-captured', 'not-captured'], ['captured', 'captured']]);
  });

  it('keeps the document as written, for a redacted copy', () => {
    const text = minimal({ _id: 'x', request, response: { status: 204, headers: [] } });
    const parsed = parseCapture(text, 'x.har');
    expect(parsed.ok && parsed.value.document).toEqual(JSON.parse(text));
  });

  it.each([
    ['{"log": {"entries": [', /x\.har: not a HAR file: .*\(the file looks truncated\)/],
    ['{"entries": []}', /x\.har: not valid HAR 1\.2: \/ must have required property 'log'/],
    ['{"log": {"entries": [{"request": {}}]}}', /x\.har: not valid HAR 1\.2: /],
    ['<html></html>', /x\.har: not a HAR file: Malformed JSON/],
  ])('refuses %s with a sentence naming the file', (text, problem) => {
    const parsed = parseCapture(text, 'x.har');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });

  it('reads a capture with more keys than one body may hold (6,000 entries of about 45 keys each)', () => {
    const headers = Array.from({ length: 18 }, (_, i) => ({ name: `X-H${i}`, value: 'v' }));
    const entry = { request: { ...request, headers: [...request.headers, ...headers] }, response: { status: 200, headers, content: { text: 'ok' } } };
    const text = JSON.stringify({ log: { entries: Array.from({ length: 6_000 }, () => entry) } });
    const parsed = parseCapture(text, 'x.har');
    if (!parsed.ok) throw new Error(parsed.problem);
    expect(parsed.value.entries).toHaveLength(6_000);
    expect(parsed.value.entries[5_999]?.index).toBe(6_000);
  });

  it('refuses a capture with more objects and arrays than MAX_CAPTURE_CONTAINERS, naming the limit', () => {
    const text = `{"log": {"entries": [], "x": [${'[],'.repeat(MAX_CAPTURE_CONTAINERS)}[]]}}`;
    const parsed = parseCapture(text, 'x.har');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toContain(`x.har: not a HAR file: `);
    if (!parsed.ok) expect(parsed.problem).toContain(String(MAX_CAPTURE_CONTAINERS));
  });
});

describe('readCapture', () => {
  it("reads a body attached beside the HAR by name, and never a path outside its folder", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'capture-attach-'));
    try {
      await writeFile(join(dir, 'body.xml'), '<ok/>');
      await writeFile(join(dir, 'outside.txt'), 'secret');
      const entry = (file: string) => ({ request, response: { status: 200, headers: [], content: { size: 5, mimeType: 'text/xml', _file: file } } });
      await writeFile(join(dir, 'a.har'), JSON.stringify({ log: { entries: [entry('body.xml'), entry('../outside.txt'), entry('missing.xml')] } }));
      const read = await readCapture(join(dir, 'a.har'));
      if (!read.ok) throw new Error(read.problem);
      expect(read.value.entries.map((e) => [e.responseBody, e.exchange.response.body])).toEqual([['captured', '<ok/>'], ['not-captured', ''], ['not-captured', '']]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses a capture saved as UTF-16 or with bytes that are not UTF-8 (HAR 1.2 files are UTF-8), naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'capture-charset-'));
    try {
      const text = minimal({ request, response: { status: 200, headers: [], content: { size: 0, mimeType: 'text/xml', text: 'Fatura nº 7' } } });
      const utf16 = join(dir, 'utf16.har');
      await writeFile(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      expect(await readCapture(utf16)).toEqual({ ok: false, problem: `${utf16}: the file is UTF-16LE (it starts with that byte-order mark); save it as UTF-8` });
      const latin1 = join(dir, 'latin1.har');
      await writeFile(latin1, Buffer.from(text, 'latin1'));
      const read = await readCapture(latin1);
      expect(read).toMatchObject({ ok: false, problem: expect.stringMatching(/^.*latin1\.har: not UTF-8 text: byte 0xBA at byte \d+ \(line 1, column \d+\)/) });
      await writeFile(join(dir, 'bom.har'), `\uFEFF${text}`);
      expect((await readCapture(join(dir, 'bom.har'))).ok).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
