import fc from 'fast-check';

/** Pieces of markup and text that break parsers, escape checks or blow up work. */
const XML_HOSTILE = [
  '<', '>', '&', '&amp;', '&#65;', '&#x0;', '&#xD800;', '&bogus;', '&#', ']]>', '<![CDATA[', '<!--', '-->', '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '<?pi x?>', '<?xml version="1.0"?>', '"', "'", 'xmlns:p="urn:p"', 'xmlns=""', 'xmlns:p=""', 'p:', ':', '\u0000', '\u0007', '\uFFFE', '\uFFFF',
  '\uD800', '\uDC00', '\uD83D\uDE00', '\r\n', '</s:Body>', '<s:Body>', '<s:Fault><faultcode>s:Client</faultcode><faultstring>x</faultstring></s:Fault>',
  '<a>', '</a>', '<a/>', '<a b="1" b="2"/>', '2147483648', '-2147483649', '1e309', 'NaN',
];
const JSON_HOSTILE = [
  '{', '}', '[', ']', ',', ':', '"', '\\', '\\u0000', '\\ud800', '1e309', '-1e309', '12345678901234567890', 'NaN', 'Infinity', 'null', 'true',
  '"code":"OK"', '"status":', '"data":{}', '"a":1,"a":2', '\u0000', '\uD800', '\uFEFF', '/*', '//', '0x10', '-', '.5', '01',
];

/** One edit applied to a well-formed seed body. */
function edited(seed: string, hostile: readonly string[]): fc.Arbitrary<string> {
  const at = fc.nat({ max: seed.length });
  const piece = fc.constantFrom(...hostile);
  return fc.oneof(
    at.map((i) => seed.slice(0, i)), // truncated
    fc.tuple(at, fc.array(piece, { minLength: 1, maxLength: 6 })).map(([i, ps]) => seed.slice(0, i) + ps.join('') + seed.slice(i)), // inserted
    fc.tuple(at, at, fc.array(piece, { maxLength: 3 })).map(([i, j, ps]) => seed.slice(0, Math.min(i, j)) + ps.join('') + seed.slice(Math.max(i, j))), // replaced
    fc.tuple(at, at, fc.integer({ min: 2, max: 40 })).map(([i, j, n]) => seed.slice(0, Math.min(i, j)) + seed.slice(Math.min(i, j), Math.max(i, j)).repeat(n) + seed.slice(Math.min(i, j))), // duplicated
    fc.tuple(at, fc.string({ unit: 'binary', maxLength: 40 })).map(([i, s]) => seed.slice(0, i) + s + seed.slice(i)), // random text
  );
}

/** Bodies that sit on or past a limit: many elements, attributes, references, deep nesting, long strings. */
function amplified(kind: 'xml' | 'json'): fc.Arbitrary<string> {
  const n = fc.integer({ min: 1, max: 70_000 });
  if (kind === 'json') {
    return fc.oneof(
      n.map((k) => `{"data":{${Array.from({ length: Math.min(k, 22_000) }, (_, i) => `"k${i}":0`).join(',')}}}`),
      fc.integer({ min: 1, max: 200 }).map((d) => `{"data":${'['.repeat(d)}${']'.repeat(d)}}`),
      n.map((k) => `{"data":{"invoice_item_set":[${Array(Math.min(k, 22_000)).fill('{}').join(',')}]}}`),
      n.map((k) => `{"status":{"code":"${'x'.repeat(k * 20)}"}}`),
    );
  }
  return fc.oneof(
    n.map((k) => `<r>${'<a/>'.repeat(k)}</r>`),
    n.map((k) => `<r ${Array.from({ length: k }, (_, i) => `a${i}="1"`).join(' ')}/>`),
    n.map((k) => `<r>${'&#65;'.repeat(k)}</r>`),
    fc.integer({ min: 1, max: 200 }).map((d) => `${'<a>'.repeat(d)}${'</a>'.repeat(d)}`),
    fc.integer({ min: 1, max: 120 }).map((k) => `<r ${Array.from({ length: k }, (_, i) => `xmlns:p${i}="u${i}"`).join(' ')}>${'<b xmlns:q="v"/>'.repeat(k * 10)}</r>`),
  );
}

/** Malformed and hostile bodies derived from the given well-formed seeds, plus pure noise and amplified shapes. */
export function hostileBody(seeds: readonly string[], kind: 'xml' | 'json'): fc.Arbitrary<string> {
  const hostile = kind === 'xml' ? XML_HOSTILE : JSON_HOSTILE;
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...seeds).chain((seed) => edited(seed, hostile)) },
    { weight: 3, arbitrary: fc.array(fc.constantFrom(...hostile), { maxLength: 30 }).map((ps) => ps.join('')) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
    { weight: 1, arbitrary: amplified(kind) },
  );
}
