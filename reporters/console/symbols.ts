/** Status marks shared by the console sections; plain Unicode so CI logs show them too. */
export const SYMBOLS = {
  passed: '✓',
  failed: '✗',
  skipped: '↓',
  warning: '⚠',
  bullet: '•',
} as const;
