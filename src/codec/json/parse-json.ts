import { fail, ok, type Result } from '../../model/result.ts';
import { scanJson } from './scan-json.ts';

/** Limits for untrusted JSON, all checked by one scan before `JSON.parse` builds anything. */
export interface JsonLimits {
  /** Largest accepted text, in UTF-8 bytes. @default 5 MiB */
  readonly maxBytes: number;
  /** Deepest object/array nesting. @default 64 */
  readonly maxDepth: number;
  /** Most object keys in the whole text. @default 20,000 */
  readonly maxKeys: number;
  /** Most objects and arrays in the whole text. @default 20,000 */
  readonly maxContainers: number;
  /** Longest string (key or value), in characters of the JSON text. @default 1 Mi */
  readonly maxStringChars: number;
}

/** Default limits for response and request bodies. */
export const DEFAULT_JSON_LIMITS: JsonLimits = { maxBytes: 5 * 1024 * 1024, maxDepth: 64, maxKeys: 250_000, maxContainers: 250_000, maxStringChars: 1024 * 1024 };

/** Why a JSON text was refused. */
export interface JsonProblem {
  readonly rule: 'json-malformed' | 'json-too-large' | 'json-too-deep' | 'json-duplicate-key' | 'json-number-range';
  readonly message: string;
}

/**
 * Parse untrusted JSON within limits; never throws. Besides syntax errors it refuses duplicate
 * keys and numbers that overflow to Infinity (`1e309`), which `JSON.parse` would accept silently.
 */
export function parseJson(text: string, limits: Partial<JsonLimits> = {}): Result<unknown, JsonProblem> {
  const all: JsonLimits = { ...DEFAULT_JSON_LIMITS, ...definedOnly(limits) };
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > all.maxBytes) return fail({ rule: 'json-too-large', message: `JSON body is ${bytes} bytes; the limit is ${all.maxBytes}` });
  const refused = scanJson(text, all);
  if (refused !== undefined) return fail(refused);
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail({ rule: 'json-malformed', message: `Malformed JSON: ${(error as Error).message}` });
  }
}

function definedOnly(limits: Partial<JsonLimits>): Partial<JsonLimits> {
  return Object.fromEntries(Object.entries(limits).filter(([, v]) => v !== undefined));
}
