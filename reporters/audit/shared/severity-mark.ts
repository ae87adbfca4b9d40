import type { DriftSeverity } from '../../../src/audit/drift-severity.ts';
import type { Palette } from '../../console/palette.ts';
import { assertNever } from '../../../src/model/result.ts';

/** The console mark of a severity, coloured: `✗` breaking (red), `⚠` warning (yellow), `ℹ` info (blue). */
export function severityMark(severity: DriftSeverity, palette: Palette): string {
  switch (severity) {
    case 'breaking':
      return palette.red('✗');
    case 'warning':
      return palette.yellow('⚠');
    case 'info':
      return palette.blue('ℹ');
    default:
      return assertNever(severity);
  }
}
