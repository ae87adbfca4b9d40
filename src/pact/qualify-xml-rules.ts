/** Matching rules of one body, keyed by path, as the FFI writes them into the pact file. */
export type BodyRules = Readonly<Record<string, unknown>>;

/**
 * Rewrite the body rule paths of an XML body from the prefixed form the FFI writes
 * (`$.soap:Envelope.soap:Body.X.#text`) into the namespace-qualified form the Pact verifier looks
 * rules up by (`$['<soap-uri>:Envelope']['<soap-uri>:Body']['<ns>:X']['#text']`). Without this the
 * verifier silently ignores every matcher on a namespaced element (pact-js #632) and compares the
 * example values exactly. A path that is not an element of the body (or its text) is refused:
 * a rule that would silently not apply is a bug, not a pass.
 * @throws Error naming the path.
 */
export function qualifyXmlRules(rules: BodyRules, qualified: ReadonlyMap<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [path, rule] of Object.entries(rules)) out[qualifyPath(path, qualified)] = rule;
  return out;
}

function qualifyPath(path: string, qualified: ReadonlyMap<string, string>): string {
  const element = qualified.get(path);
  if (element !== undefined) return element;
  if (path.endsWith('.#text')) {
    const parent = qualified.get(path.slice(0, -'.#text'.length));
    if (parent !== undefined) return `${parent}['#text']`;
  }
  throw new Error(`The Pact FFI wrote a matching rule at ${path}, which is not an element of the body; it cannot be qualified.`);
}
