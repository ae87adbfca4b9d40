import { fail, ok, type Result } from '../../model/result.ts';

/** Limits for untrusted JSON. */
export interface JsonLimits {
  /** @default 5 MiB */
  readonly maxBytes: number;
  /** @default 64 */
  readonly maxDepth: number;
}

/** Default limits for response and request bodies. */
export const DEFAULT_JSON_LIMITS: JsonLimits = { maxBytes: 5 * 1024 * 1024, maxDepth: 64 };

/** Why a JSON text was refused. */
export interface JsonProblem {
  readonly rule: 'json-malformed' | 'json-too-large' | 'json-too-deep';
  readonly message: string;
}

/** Parse untrusted JSON with size and depth limits; never throws. */
export function parseJson(text: string, limits: JsonLimits = DEFAULT_JSON_LIMITS): Result<unknown, JsonProblem> {
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > limits.maxBytes) return fail({ rule: 'json-too-large', message: `JSON body is ${bytes} bytes; the limit is ${limits.maxBytes}` });
  if (nestingDepth(text) > limits.maxDepth) return fail({ rule: 'json-too-deep', message: `JSON nests deeper than ${limits.maxDepth} levels` });
  try {
    return ok(JSON.parse(text) as unknown);
  } catch (error) {
    return fail({ rule: 'json-malformed', message: `Malformed JSON: ${(error as Error).message}` });
  }
}

/** Maximum bracket nesting outside strings, computed without recursion. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}
