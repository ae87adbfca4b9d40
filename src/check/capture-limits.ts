/** The largest HAR file `check` and `redact` read (devtools captures of a busy page run to tens of MB). */
export const MAX_CAPTURE_BYTES = 64 * 1024 * 1024;

/** HAR nests shallowly; a deeper document is not a capture. */
export const MAX_CAPTURE_DEPTH = 64;

/** The most entries one capture may hold. */
export const MAX_CAPTURE_ENTRIES = 100_000;
