import type { DateFormat } from '../types/contract.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * Format a canonical ISO date or date-time into a vendor format. Returns undefined when the
 * input is not ISO (the caller reports it).
 */
export function formatDate(iso: string, format: DateFormat): string | undefined {
  const m = ISO.exec(iso);
  if (m === null) return undefined;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone] = m;
  switch (format) {
    case 'yyyy-mm-dd':
      return `${y}-${mo}-${d}`;
    case 'dd/mm/yyyy':
      return `${d}/${mo}/${y}`;
    case 'mm/dd/yyyy':
      return `${mo}/${d}/${y}`;
    case 'iso-local':
      return `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}`;
    case 'iso':
      return `${y}-${mo}-${d}T${h}:${mi}:${s}${fraction}${zone ?? 'Z'}`;
  }
}

/** Regular expression a value in the given format must match (used to derive validation schemas). */
export function datePattern(format: DateFormat): string {
  switch (format) {
    case 'yyyy-mm-dd':
      return '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$';
    case 'dd/mm/yyyy':
      return '^(0[1-9]|[12]\\d|3[01])/(0[1-9]|1[0-2])/\\d{4}$';
    case 'mm/dd/yyyy':
      return '^(0[1-9]|1[0-2])/(0[1-9]|[12]\\d|3[01])/\\d{4}$';
    case 'iso-local':
      return '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?$';
    case 'iso':
      return '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$';
  }
}
