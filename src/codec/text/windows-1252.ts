/**
 * The characters Windows-1252 puts at bytes 0x80–0x9F (undefined positions keep their C1 code).
 * Node 20's TextDecoder('windows-1252') decodes these bytes as Latin-1 C1 controls, so the
 * suite maps them itself. WHATWG (and so every browser) reads ISO-8859-1 labels this way too.
 */
const HIGH = [
  0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];
const BYTE_OF: ReadonlyMap<number, number> = new Map(HIGH.map((code, i) => [code, 0x80 + i]));

/** Decode Windows-1252 bytes (every byte maps to a character, so this never fails). */
export function decodeWindows1252(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = Array.from(bytes.subarray(i, i + 8192), (b) => (b >= 0x80 && b <= 0x9f ? (HIGH[b - 0x80] ?? b) : b));
    out += String.fromCharCode(...chunk);
  }
  return out;
}

/** Encode text as Windows-1252; a character it cannot hold becomes `?`, as a vendor's encoder would write it. */
export function encodeWindows1252(text: string): Uint8Array {
  return Uint8Array.from(text, (ch) => {
    const code = ch.codePointAt(0) ?? 0x3f;
    if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) return code;
    return BYTE_OF.get(code) ?? 0x3f;
  });
}
