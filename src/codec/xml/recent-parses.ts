/** Bounds of the memory of recent parses: most documents, and most characters of text, remembered at once. */
export const RECENT_PARSES = { maxEntries: 256, maxChars: 1024 * 1024 } as const;

/**
 * The results of the most recently parsed texts, least recently used forgotten first. A run parses the same
 * body several times (the built request, the request replay receives, the recorded one, the checks), and an
 * element tree is immutable, so a repeated text gets the same tree back. Bounded by `RECENT_PARSES`, so a
 * long run holds only the last few hundred documents; a text longer than `maxChars` is never kept.
 */
export class RecentParses<T> {
  readonly #byText = new Map<string, T>();
  #chars = 0;

  constructor(readonly maxEntries: number = RECENT_PARSES.maxEntries, readonly maxChars: number = RECENT_PARSES.maxChars) {}

  /** The remembered result of `text`, refreshed as the most recent; `undefined` when it is not remembered. */
  get(text: string): T | undefined {
    const found = this.#byText.get(text);
    if (found === undefined) return undefined;
    this.#byText.delete(text);
    this.#byText.set(text, found);
    return found;
  }

  /** Remember `result` as the parse of `text`, forgetting the least recent ones beyond the bounds. */
  set(text: string, result: T): void {
    if (text.length > this.maxChars || this.maxEntries < 1) return;
    if (this.#byText.delete(text)) this.#chars -= text.length;
    this.#byText.set(text, result);
    this.#chars += text.length;
    for (const oldest of this.#byText.keys()) {
      if (this.#byText.size <= this.maxEntries && this.#chars <= this.maxChars) break;
      this.#byText.delete(oldest);
      this.#chars -= oldest.length;
    }
  }

  /** How many texts are remembered now. */
  get size(): number {
    return this.#byText.size;
  }
}
