import type { Ajv, Code, ErrorObject, KeywordCxt, ValidateFunction } from 'ajv';
import { cachedValidator } from '../../contract/cached-validator.ts';
import { ajvModule, createAjv } from '../../contract/create-ajv.ts';
import { violation, type Violation } from '../../model/violation.ts';
import type { JsonSchema } from './fields-to-schema.ts';

interface Range {
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
}

// code.source: compiled validators are kept as standalone code across runs (see cachedValidator).
const OPTIONS = { verbose: true, code: { source: true } };
let ajv: Ajv | undefined;

/** The Ajv that compiles derived schemas, made on the first cache miss (a warm run needs none). */
function derivedAjv(): Ajv {
  if (ajv !== undefined) return ajv;
  ajv = createAjv(OPTIONS);
  // XML carries numbers as text; this keyword applies numeric bounds to such strings. It generates code
  // (not a function keyword), so that validators using it can be cached as standalone code.
  ajv.addKeyword({ keyword: 'numericRange', type: 'string', schemaType: 'object', code: numericRangeCode });
  return ajv;
}

/** Fails when the text is a number outside the range; non-numbers pass (the pattern reports them). */
function numericRangeCode(cxt: KeywordCxt): void {
  const { _ } = ajvModule();
  const r = cxt.schema as Range;
  const n = cxt.gen.const('n', _`Number(${cxt.data})`);
  const outside: Code[] = [];
  if (r.minimum !== undefined) outside.push(_`${n} < ${r.minimum}`);
  if (r.maximum !== undefined) outside.push(_`${n} > ${r.maximum}`);
  if (r.exclusiveMinimum !== undefined) outside.push(_`${n} <= ${r.exclusiveMinimum}`);
  if (r.exclusiveMaximum !== undefined) outside.push(_`${n} >= ${r.exclusiveMaximum}`);
  if (outside.length === 0) return;
  const any = outside.reduce((a, b) => _`${a} || ${b}`);
  cxt.fail(_`!Number.isNaN(${n}) && (${any})`);
}

// Everything besides the schema that shapes the generated code, so a change to it misses the cache.
const CODE_MATERIAL = `derived\0${createAjv.toString()}\0${JSON.stringify(OPTIONS)}\0${numericRangeCode.toString()}`;

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
    validate = cachedValidator(`${CODE_MATERIAL}\0${content}`, () => {
      const compiler = derivedAjv();
      return { ajv: compiler, validate: compiler.compile(derived) };
    });
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
