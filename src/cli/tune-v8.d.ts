// Types of tune-v8.js (plain JS, as it runs before the bundle or tsx).
/** How much work a function does before TurboFan compiles it, per V8 flag. */
export declare const TURBOFAN_TIER_UP: { readonly interruptBudget: number; readonly invocationCount: number };
/** The V8 flag that delays TurboFan on this V8 version, or undefined where neither known flag exists. */
export declare function tierUpFlag(v8Version?: string): string | undefined;
/** Delay TurboFan, unless the user set the flag through NODE_OPTIONS or node's options. */
export declare function delayTierUp(): void;
/** The private folder for V8's compiled code, or undefined when it is not the user's own with mode 0700. */
export declare function compileCacheDir(): string | undefined;
/** Keep V8's compiled code across runs where Node can (22.1 and later); a no-op on Node 20. */
export declare function enableCompileCache(): void;
/** How far (in percent) the old generation grows past the last full collection's survivors, for `run`. */
export declare const RUN_HEAP_GROWING_PERCENT: number;
/** The V8 flag for these CLI arguments (`run` only), or undefined. */
export declare function heapGrowthFlag(argv: readonly string[]): string | undefined;
/** Apply heapGrowthFlag, unless the user set the flag through NODE_OPTIONS or node's options. */
export declare function limitHeapGrowth(argv?: readonly string[]): void;
