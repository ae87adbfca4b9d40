import type { FieldType } from '../types/contract.ts';
import { classifyScalar, DATE_CLASSES, type ScalarClass } from './scalar-class.ts';
import { isEmptyValue, isTreeArray, type TreeValue } from './tree-value.ts';

/**
 * How a value changed, as a consumer's parser sees it:
 * - `same`: same class (the value may differ: ids and amounts vary between recordings);
 * - `compatible`: a different class every reader of the old one still accepts (free text that
 *   becomes a number, an integer that becomes a decimal where the contract says decimal);
 * - `format`: another date or date-time format;
 * - `type`: another type (a number becomes a string, a base64 value becomes free text, an object a scalar);
 * - `emptied` / `filled`: a value became empty or null, or the reverse.
 */
export type ValueVerdict = 'same' | 'compatible' | 'format' | 'type' | 'emptied' | 'filled';

/** A verdict with the class on each side (`object`, `array` for structures; JSON types are prefixed: `json number`). */
export interface ValueComparison {
  readonly verdict: ValueVerdict;
  readonly before: string;
  readonly after: string;
}

/** Compare two values of one field. `declared` is the contract's type for the field, when known. */
export function compareValues(before: TreeValue, after: TreeValue, json: boolean, declared?: FieldType): ValueComparison {
  const b = describe(before, json);
  const a = describe(after, json);
  return { verdict: verdict(before, after, b, a, declared), before: b.label, after: a.label };
}

interface Described {
  readonly shape: 'object' | 'array' | 'scalar';
  /** JSON type of a JSON scalar; `text` for XML. */
  readonly type: string;
  readonly cls: ScalarClass | undefined;
  readonly label: string;
}

function describe(value: TreeValue, json: boolean): Described {
  if (isTreeArray(value)) return { shape: 'array', type: 'array', cls: undefined, label: 'array' };
  if (typeof value === 'object' && value !== null) return { shape: 'object', type: 'object', cls: undefined, label: 'object' };
  const cls = classifyScalar(value);
  const type = json ? (value === null ? 'null' : typeof value) : 'text';
  return { shape: 'scalar', type, cls, label: json && value !== null ? `${type} (${cls})` : cls };
}

function verdict(before: TreeValue, after: TreeValue, b: Described, a: Described, declared: FieldType | undefined): ValueVerdict {
  const beforeEmpty = isEmptyValue(before) || b.cls === 'empty';
  const afterEmpty = isEmptyValue(after) || a.cls === 'empty';
  if (beforeEmpty || afterEmpty) {
    if (beforeEmpty && afterEmpty) return 'same';
    return afterEmpty ? 'emptied' : 'filled';
  }
  if (b.shape !== a.shape || b.type !== a.type) return 'type';
  if (b.shape !== 'scalar' || b.cls === a.cls) return 'same';
  return scalarVerdict(b.cls ?? 'string', a.cls ?? 'string', declared);
}

function scalarVerdict(b: ScalarClass, a: ScalarClass, declared: FieldType | undefined): ValueVerdict {
  // Every reader of free text accepts any text.
  if (b === 'string') return 'compatible';
  const numbers = new Set<ScalarClass>(['integer', 'decimal']);
  if (numbers.has(b) && numbers.has(a)) return b === 'integer' && declared === 'integer' ? 'type' : 'compatible';
  const ambiguous = 'dd/mm/yyyy or mm/dd/yyyy';
  if ((b === ambiguous && a.includes('/')) || (a === ambiguous && b.includes('/'))) return 'compatible';
  if (DATE_CLASSES.has(b) && DATE_CLASSES.has(a)) return 'format';
  return 'type';
}
