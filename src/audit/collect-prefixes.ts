const DECLARATION = /\sxmlns:([A-Za-z_][\w.-]*)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Every prefix the document declares, with its URI. A prefix bound to two different URIs in one
 * document is left out: its QName values cannot be resolved without the element's scope.
 * Used to read QName-valued text (`<faultcode>s:Client</faultcode>`, `xsi:type="xsd:string"`)
 * independently of the prefixes chosen.
 */
export function collectPrefixes(xml: string): ReadonlyMap<string, string> {
  const found = new Map<string, string>();
  const ambiguous = new Set<string>();
  for (const m of xml.matchAll(DECLARATION)) {
    const prefix = m[1] ?? '';
    const uri = m[2] ?? m[3] ?? '';
    const seen = found.get(prefix);
    if (seen !== undefined && seen !== uri) ambiguous.add(prefix);
    found.set(prefix, uri);
  }
  for (const prefix of ambiguous) found.delete(prefix);
  found.set('xml', 'http://www.w3.org/XML/1998/namespace');
  return found;
}

const QNAME = /^([A-Za-z_][\w.-]*):([A-Za-z_][\w.-]*)$/;

/** `s:Client` → `{http://schemas.xmlsoap.org/soap/envelope/}Client` when `s` is declared; otherwise unchanged. */
export function resolveQName(value: string, prefixes: ReadonlyMap<string, string>): string {
  const m = QNAME.exec(value);
  if (m === null) return value;
  const uri = prefixes.get(m[1] ?? '');
  return uri === undefined ? value : `{${uri}}${m[2] ?? ''}`;
}
