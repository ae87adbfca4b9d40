/** How much a drift matters to an integration, from most to least serious. Part of the CLI and report surface. */
export const DRIFT_SEVERITIES = ['breaking', 'warning', 'info'] as const;

/** One drift severity: `breaking` breaks integrations, `warning` may, `info` does not. */
export type DriftSeverity = (typeof DRIFT_SEVERITIES)[number];

/** Narrow a string (e.g. a `--fail-on` value) to a {@link DriftSeverity}. */
export function isDriftSeverity(value: string): value is DriftSeverity {
  return (DRIFT_SEVERITIES as readonly string[]).includes(value);
}

/** True when `severity` is as serious as `threshold` or more (`breaking` ≥ `warning` ≥ `info`). */
export function atOrAbove(severity: DriftSeverity, threshold: DriftSeverity): boolean {
  return DRIFT_SEVERITIES.indexOf(severity) <= DRIFT_SEVERITIES.indexOf(threshold);
}
