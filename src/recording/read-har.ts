import { createRequire } from 'node:module';
import type { ValidateFunction } from 'ajv';
// Bundled with the program (its 18 JSON files read, resolved and wrapped from node_modules cost a cold run about 5 ms).
import harSchemas from 'har-schema';
import { cachedValidator } from '../contract/cached-validator.ts';
import { createAjv } from '../contract/create-ajv.ts';
import { DEFAULT_JSON_LIMITS, parseJson } from '../codec/json/parse-json.ts';
import { readTextFile } from '../codec/text/read-text-file.ts';
import { fail, ok, type Result } from '../model/result.ts';
import type { Har } from './har.ts';

const require = createRequire(import.meta.url);

/** Bytes a recording file may have: replay reads HAR files with the JSON reader's limit (5 MiB). */
export const MAX_RECORDING_BYTES = DEFAULT_JSON_LIMITS.maxBytes;
let validator: ValidateFunction | undefined;

/**
 * Compile the HAR 1.2 schema from the `har-schema` package once (its schemas are draft-06), and once
 * across runs: the compiled code is cached by the schemas' content (see cachedValidator).
 */
function harValidator(): ValidateFunction {
  if (validator !== undefined) return validator;
  const schemas: Readonly<Record<string, object>> = harSchemas;
  validator = cachedValidator(`har\0${JSON.stringify(schemas)}`, () => {
    const ajv = createAjv({ strict: false, code: { source: true } });
    ajv.addMetaSchema(require('ajv/dist/refs/json-schema-draft-06.json') as object);
    for (const schema of Object.values(schemas)) ajv.addSchema(schema);
    const validate = ajv.getSchema('har.json#');
    if (validate === undefined) throw new Error('har-schema did not provide har.json#');
    return { ajv, validate };
  });
  return validator;
}

/** Read a recording and validate it as HAR 1.2. Problems are readable sentences naming the file. */
export async function readHar(file: string): Promise<Result<Har, string>> {
  const text = await readTextFile(file, { maxBytes: MAX_RECORDING_BYTES, name: 'MAX_RECORDING_BYTES' });
  return text.ok ? parseHar(text.value, file) : text;
}

/** Parse and validate HAR text. */
export function parseHar(text: string, file: string): Result<Har, string> {
  // A HAR carries a whole body as one string: allow strings as long as the file itself.
  const parsed = parseJson(text, { maxStringChars: Number.POSITIVE_INFINITY });
  if (!parsed.ok) return fail(`${file}: ${parsed.problem.message}`);
  return validateHar(parsed.value, file);
}

/** Validate parsed JSON against the HAR 1.2 schema (`har-schema`); the problem names the file and the first error. */
export function validateHar(value: unknown, file: string): Result<Har, string> {
  const validate = harValidator();
  if (!validate(value)) {
    const first = validate.errors?.[0];
    return fail(`${file}: not valid HAR 1.2: ${first?.instancePath || '/'} ${first?.message ?? ''}`.trim());
  }
  return ok(value as Har);
}
