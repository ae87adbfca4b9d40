/** Bytes of each block {@link utf8Join} fills before starting the next. */
const BLOCK_BYTES = 1024 * 1024;

/**
 * The UTF-8 bytes of consecutive text parts, in one Buffer. Each part is encoded as it comes into
 * blocks outside the JS heap, so a report tens of megabytes long never exists as one string (which
 * the garbage collector would copy and the file write would encode again).
 */
export function utf8Join(parts: Iterable<string>): Buffer {
  const blocks: Buffer[] = [];
  let block = Buffer.allocUnsafe(BLOCK_BYTES);
  let used = 0;
  for (const part of parts) {
    // A UTF-16 code unit never takes more than 3 UTF-8 bytes: count the bytes only when it may not fit.
    if (part.length * 3 > block.length - used && Buffer.byteLength(part, 'utf8') > block.length - used) {
      blocks.push(block.subarray(0, used));
      block = Buffer.allocUnsafe(Math.max(BLOCK_BYTES, Buffer.byteLength(part, 'utf8')));
      used = 0;
    }
    used += block.write(part, used, 'utf8');
  }
  const last = block.subarray(0, used);
  return blocks.length === 0 ? last : Buffer.concat([...blocks, last]);
}
