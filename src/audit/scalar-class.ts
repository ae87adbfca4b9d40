/**
 * The lexical class of a scalar, which is what a consumer's parser depends on. XML text is
 * classified by its content; JSON numbers and booleans by their JSON type.
 */
export type ScalarClass =
  | 'null'
  | 'empty'
  | 'boolean'
  | 'integer'
  | 'decimal'
  | 'date'
  | 'dd/mm/yyyy'
  | 'mm/dd/yyyy'
  | 'dd/mm/yyyy or mm/dd/yyyy'
  | 'datetime'
  | 'local-datetime'
  | 'base64'
  | 'string';

const INTEGER = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+\.\d*|\.\d+|\d+(\.\d*)?[eE][+-]?\d+)$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const LOCAL_DATETIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/;
const SLASH_DATE = /^(\d{2})\/(\d{2})\/\d{4}$/;
// Padding or a `+`/`/` is required: plain alphanumerics (ids, codes) are strings, not base64.
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

/** Classify a scalar value. Strings are trimmed first. */
export function classifyScalar(value: string | number | boolean | null): ScalarClass {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'decimal';
  const text = value.trim();
  if (text === '') return 'empty';
  if (/^(true|false)$/i.test(text)) return 'boolean';
  if (INTEGER.test(text)) return 'integer';
  if (DECIMAL.test(text)) return 'decimal';
  return dateClass(text) ?? (isBase64(text) ? 'base64' : 'string');
}

function dateClass(text: string): ScalarClass | undefined {
  if (ISO_DATE.test(text)) return 'date';
  if (DATETIME.test(text)) return 'datetime';
  if (LOCAL_DATETIME.test(text)) return 'local-datetime';
  const slash = SLASH_DATE.exec(text);
  if (slash === null) return undefined;
  const first = Number(slash[1]);
  const second = Number(slash[2]);
  if (first > 12 && second <= 12) return 'dd/mm/yyyy';
  if (second > 12 && first <= 12) return 'mm/dd/yyyy';
  return first <= 12 && second <= 12 ? 'dd/mm/yyyy or mm/dd/yyyy' : undefined;
}

function isBase64(text: string): boolean {
  return text.length >= 8 && text.length % 4 === 0 && BASE64.test(text) && /[=+/]/.test(text);
}

/** Date and date-time classes: a change among them is a format change. */
export const DATE_CLASSES: ReadonlySet<ScalarClass> = new Set(['date', 'dd/mm/yyyy', 'mm/dd/yyyy', 'dd/mm/yyyy or mm/dd/yyyy', 'datetime', 'local-datetime']);
