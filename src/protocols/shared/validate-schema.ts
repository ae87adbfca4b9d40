import type { ErrorObject, ValidateFunction } from 'ajv';
import { createAjv } from '../../contract/create-ajv.ts';
import { violation, type Violation } from '../../model/violation.ts';
import type { JsonSchema } from './fields-to-schema.ts';

interface Range {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

const ajv = createAjv({ verbose: true });
// XML carries numbers as text; this keyword applies numeric bounds to such strings.
ajv.addKeyword({
  keyword: 'numericRange',
  type: 'string',
  schemaType: 'object',
  errors: false,
  validate: (range: Range, data: string) => withinRange(Number(data), range),
});

function withinRange(n: number, r: Range): boolean {
  if (Number.isNaN(n)) return true; // the pattern reports non-numbers
  return (
    (r.minimum === undefined || n >= r.minimum) &&
    (r.maximum === undefined || n <= r.maximum) &&
    (r.exclusiveMinimum === undefined || n > r.exclusiveMinimum) &&
    (r.exclusiveMaximum === undefined || n < r.exclusiveMaximum)
  );
}

const byKey = new WeakMap<object, ValidateFunction>();
// Contracts load as new objects on every run; equal schemas share one compiled validator.
const byContent = new Map<string, ValidateFunction>();

/** The compiled validator of a derived schema: looked up by key object first, then by schema content. */
function validatorFor(key: object, schema: () => JsonSchema): ValidateFunction {
  let validate = byKey.get(key);
  if (validate !== undefined) return validate;
  const derived = schema();
  const content = JSON.stringify(derived);
  validate = byContent.get(content);
  if (validate === undefined) {
    validate = ajv.compile(derived);
    byContent.set(content, validate);
  }
  byKey.set(key, validate);
  return validate;
}

/**
 * Validate data against a derived schema; compiled once per distinct schema (cached by the schema key, e.g. the
 * contract's field array, and by content). Returns violations whose paths are prefixed with `basePath`.
 */
export function validateSchema(key: object, schema: () => JsonSchema, data: unknown, basePath = ''): Violation[] {
  const validate = validatorFor(key, schema);
  if (validate(data)) return [];
  // For nillable fields (anyOf [schema, null]) the null branch's "must be null" only repeats the real error.
  const errors = (validate.errors ?? []).filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'if' && !(e.keyword === 'type' && e.params['type'] === 'null'));
  return errors.map((e) => toViolation(e, basePath));
}

function toViolation(e: ErrorObject, basePath: string): Violation {
  const path = `${basePath}${e.instancePath}`;
  const name = path.split('/').filter((s) => s !== '' && !/^\d+$/.test(s)).slice(-1)[0] ?? 'value';
  const received = describeValue(e.data);
  switch (e.keyword) {
    case 'required': {
      const missing = String(e.params['missingProperty']);
      return violation('required', `${path}/${missing}`, `Received: no ${missing} / Documented: ${missing} is required here. Add it to the request.`);
    }
    case 'additionalProperties': {
      const extra = String(e.params['additionalProperty']);
      return violation('unexpected-field', `${path}/${extra}`, `Received: ${extra} / Documented: no such field here. Remove it or check its spelling.`);
    }
    case 'maxLength':
    case 'minLength':
      return violation(e.keyword, path, `Received: ${received} (${String(e.data).length} characters) / Documented: ${name} ${e.message ?? ''}.`);
    case 'numericRange':
      return violation('range', path, `Received: ${received} / Documented: ${name} within ${JSON.stringify(e.schema)}.`);
    default:
      return violation(e.keyword, path, `Received: ${received} / Documented: ${name} ${e.message ?? 'is invalid'}.`, e.params);
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  if (typeof value === 'object' && value !== null) return Array.isArray(value) ? 'a list' : 'an object';
  return String(value);
}
