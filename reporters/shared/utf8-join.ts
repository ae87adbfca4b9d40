/** Bytes of the first store {@link utf8Join} fills; it doubles as parts come. */
const FIRST_BYTES = 1024 * 1024;

/**
 * Most bytes one store may grow to. A resizable ArrayBuffer reserves this much address space, not memory:
 * it commits only what it is resized to.
 */
const MAX_STORE_BYTES = 2 ** 31;

/** An ArrayBuffer that grows in place (ES2024; Node 20's V8 has it, this project's TypeScript lib is ES2023). */
interface GrowableBuffer extends ArrayBuffer {
  resize(byteLength: number): void;
}
const GrowableBuffer = ArrayBuffer as unknown as new (byteLength: number, options: { maxByteLength: number }) => GrowableBuffer;

/**
 * The UTF-8 bytes of consecutive text parts, in one Buffer. Each part is encoded as it comes into one
 * store outside the JS heap, grown in place, so a report tens of megabytes long never exists as one
 * string (which the garbage collector would copy and the file write would encode again), nor twice as
 * bytes: filling blocks and concatenating them held the report twice at the end of a run (about 30 MiB
 * more at 4,924 exchanges, where that was the peak). Past MAX_STORE_BYTES, stores are concatenated.
 */
export function utf8Join(parts: Iterable<string>): Buffer {
  const full: Buffer[] = [];
  let store = new GrowableBuffer(FIRST_BYTES, { maxByteLength: MAX_STORE_BYTES });
  let bytes = Buffer.from(store);
  let used = 0;
  for (const part of parts) {
    // A UTF-16 code unit never takes more than 3 UTF-8 bytes: count the bytes only when it may not fit.
    if (part.length * 3 > bytes.length - used) {
      const need = used + Buffer.byteLength(part, 'utf8');
      if (need > bytes.length && need <= MAX_STORE_BYTES) {
        store.resize(Math.min(MAX_STORE_BYTES, Math.max(need, 2 * bytes.length)));
        bytes = Buffer.from(store);
      } else if (need > bytes.length) {
        full.push(bytes.subarray(0, used));
        store = new GrowableBuffer(Buffer.byteLength(part, 'utf8'), { maxByteLength: MAX_STORE_BYTES });
        bytes = Buffer.from(store);
        used = 0;
      }
    }
    used += bytes.write(part, used, 'utf8');
  }
  const last = bytes.subarray(0, used);
  return full.length === 0 ? last : Buffer.concat([...full, last]);
}
