/** The largest HAR file `check` and `redact` read (devtools captures of a busy page run to tens of MB). */
export const MAX_CAPTURE_BYTES = 64 * 1024 * 1024;

/** HAR nests shallowly; a deeper document is not a capture. */
export const MAX_CAPTURE_DEPTH = 64;

/** The most entries one capture may hold. */
export const MAX_CAPTURE_ENTRIES = 100_000;

/**
 * The most object keys in one capture. A HAR entry holds 35 to 70 keys (headers, timings, cache), so
 * the body limit of 250,000 would refuse a capture of about 5,000 entries; this allows 50 keys per
 * entry at {@link MAX_CAPTURE_ENTRIES}, and a legal capture reaches {@link MAX_CAPTURE_BYTES} first.
 */
export const MAX_CAPTURE_KEYS = 5_000_000;

/** The most objects and arrays in one capture (an entry holds 15 to 30). */
export const MAX_CAPTURE_CONTAINERS = 2_500_000;
