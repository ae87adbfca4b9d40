import type { FieldSpec } from '../../types/contract.ts';
import { datePattern } from '../../mapping/format-date.ts';

/** How scalar values appear on the wire: XML text is always a string; JSON has native types. */
export type SchemaFlavor = 'xml' | 'json';

/** A JSON Schema object (kept loose: it is handed to ajv). */
export type JsonSchema = Record<string, unknown>;

const XML_PATTERNS: Readonly<Record<string, string>> = {
  integer: '^-?\\d+$',
  decimal: '^-?\\d+(\\.\\d+)?$',
  boolean: '^(true|false|1|0)$',
  base64: '^[A-Za-z0-9+/]*={0,2}$',
};

/** Derive the JSON Schema of an object whose properties are these fields. */
export function fieldsToSchema(fields: readonly FieldSpec[], flavor: SchemaFlavor, open = false): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of fields) properties[field.name] = fieldSchema(field, flavor);
  const required = fields.filter((f) => f.required === true).map((f) => f.name);
  return { type: 'object', properties, additionalProperties: open, ...(required.length > 0 ? { required } : {}) };
}

function fieldSchema(field: FieldSpec, flavor: SchemaFlavor): JsonSchema {
  const one = field.type === 'object' ? fieldsToSchema(field.fields ?? [], flavor, field.open === true) : scalarSchema(field, flavor);
  const single = field.nillable === true ? { anyOf: [one, { type: 'null' }] } : one;
  if (field.repeated !== true) return single;
  return { type: 'array', items: single, ...bound('minItems', field.minItems), ...bound('maxItems', field.maxItems) };
}

function scalarSchema(field: FieldSpec, flavor: SchemaFlavor): JsonSchema {
  const common = {
    ...bound('minLength', field.minLength),
    ...bound('maxLength', field.maxLength),
    ...(field.enum === undefined ? {} : { enum: field.enum }),
    ...(field.format === 'email' ? { format: 'email' } : {}),
  };
  const pattern = field.pattern ?? typePattern(field, flavor);
  const range = numericRange(field);
  if (flavor === 'json' && (field.type === 'integer' || field.type === 'decimal')) {
    return { type: field.type === 'integer' ? 'integer' : 'number', ...range };
  }
  if (flavor === 'json' && field.type === 'boolean') return { type: 'boolean' };
  return {
    type: 'string',
    ...common,
    ...patternSchema(pattern, field.maxLength),
    ...(Object.keys(range).length > 0 ? { numericRange: range } : {}),
  };
}

/**
 * A pattern on a field with maxLength only runs on values within it (ajv checks every keyword
 * under allErrors, so maxLength alone would not stop a long value reaching a backtracking pattern).
 */
function patternSchema(pattern: string | undefined, maxLength: number | undefined): JsonSchema {
  if (pattern === undefined) return {};
  return maxLength === undefined ? { pattern } : { if: { maxLength }, then: { pattern } };
}

function typePattern(field: FieldSpec, flavor: SchemaFlavor): string | undefined {
  if (field.type === 'date' || field.type === 'datetime') {
    const format = field.format === undefined || field.format === 'email' ? (field.type === 'date' ? 'yyyy-mm-dd' : 'iso') : field.format;
    return datePattern(format);
  }
  return flavor === 'xml' ? XML_PATTERNS[field.type] : undefined;
}

/** xs:int, the range the vendors' WSDLs give integer fields; applies where a contract sets no bound. */
export const XS_INT_RANGE = { minimum: -2147483648, maximum: 2147483647 } as const;

function numericRange(field: FieldSpec): JsonSchema {
  const int = field.type === 'integer';
  return {
    ...bound('minimum', field.minimum ?? (int && field.exclusiveMinimum === undefined ? XS_INT_RANGE.minimum : undefined)),
    ...bound('maximum', field.maximum ?? (int && field.exclusiveMaximum === undefined ? XS_INT_RANGE.maximum : undefined)),
    ...bound('exclusiveMinimum', field.exclusiveMinimum),
    ...bound('exclusiveMaximum', field.exclusiveMaximum),
  };
}

function bound(key: string, value: number | undefined): JsonSchema {
  return value === undefined ? {} : { [key]: value };
}
