import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../../src/codec/text/decode-body.ts';
import { encodeBody } from '../../../../src/codec/text/encode-body.ts';
import { repoPath } from '../../../helpers/paths.ts';

const bytesOf = (name: string): Uint8Array => readFileSync(repoPath('test/fixtures/hostile/bodies', name));

function textOf(name: string, contentType: string | undefined): string {
  const result = decodeBody(bytesOf(name), contentType);
  if (!result.ok) throw new Error(result.problem.message);
  return result.value;
}

function problemOf(name: string, contentType: string | undefined): string {
  const result = decodeBody(bytesOf(name), contentType);
  if (result.ok) throw new Error(`Expected ${name} to be refused`);
  return result.problem.message;
}

describe('decodeBody', () => {
  it('decodes ISO-8859-1 by the HTTP charset and by the XML declaration', () => {
    expect(textOf('xml-latin1-declared.xml', 'application/xml; charset=ISO-8859-1')).toContain('Fatura já liquidada: não pode');
    expect(textOf('xml-latin1-declared.xml', 'application/xml')).toContain('já liquidada');
    expect(textOf('xml-latin1-undeclared.xml', 'application/xml; charset="iso-8859-1"')).toContain('já liquidada');
  });

  it('decodes Windows-1252 punctuation and the euro sign', () => {
    expect(textOf('xml-windows-1252.xml', 'text/xml; charset=windows-1252')).toContain('já “€”');
  });

  it('decodes UTF-16 with a byte-order mark and without one', () => {
    expect(textOf('xml-utf16le-bom.xml', 'application/xml; charset=utf-16')).toMatch(/^<\?xml version="1.0" encoding="UTF-16"\?>\n<errors>/);
    expect(textOf('xml-utf16be-nobom.xml', 'application/xml')).toContain('não pode ser alterada');
  });

  it('refuses a body whose declaration disagrees with the HTTP charset, naming both', () => {
    const message = problemOf('xml-latin1-declared.xml', 'application/xml; charset=utf-8');
    expect(message).toContain('charset=utf-8');
    expect(message).toContain('XML declaration says iso-8859-1');
  });

  it('refuses an unknown encoding, naming it', () => {
    expect(problemOf('xml-unknown-encoding.xml', 'application/xml')).toContain('"x-klingon"');
    expect(problemOf('xml-latin1-undeclared.xml', 'application/xml; charset=ebcdic-martian')).toContain('"ebcdic-martian"');
  });

  it('refuses Latin-1 bytes declared as UTF-8 instead of replacing them with U+FFFD', () => {
    expect(problemOf('xml-declared-utf8-but-latin1.xml', 'application/xml')).toContain('not valid utf-8');
    expect(problemOf('xml-latin1-undeclared.xml', undefined)).toContain('UTF-8 applies');
  });

  it('refuses a UTF-16 declaration on bytes that are not UTF-16', () => {
    expect(decodeBody(new TextEncoder().encode('<?xml version="1.0" encoding="UTF-16"?><a/>'), undefined)).toMatchObject({ ok: false });
  });

  it('round-trips through encodeBody in every supported charset', () => {
    const text = '<?xml version="1.0"?><e>já “€” ok</e>';
    for (const charset of ['utf-8', 'windows-1252', 'utf-16le', 'utf-16be']) {
      const type = `application/xml; charset=${charset}`;
      expect(decodeBody(encodeBody(text, type), type)).toEqual({ ok: true, value: text });
    }
  });
});
