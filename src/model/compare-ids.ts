/**
 * Order two identifiers (contract ids) by their UTF-16 code units, the same on every machine. `localeCompare`
 * depended on the process's locale, and its first call builds an ICU collator: about 2% of a cold offline run.
 */
export function compareIds(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
