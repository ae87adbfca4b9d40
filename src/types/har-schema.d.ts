/** The HAR 1.2 JSON Schemas (draft-06) of the `har-schema` package, which ships no types: one schema per HAR object. */
declare module 'har-schema' {
  const schemas: Readonly<Record<string, object>>;
  export default schemas;
}
