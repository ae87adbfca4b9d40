import { crmcom } from './crmcom.ts';
import { ebizcharge } from './ebizcharge.ts';
import { opsplanning } from './opsplanning.ts';
import type { VendorHooks } from './vendor-hooks.ts';

/** The per-vendor hooks by vendor; a vendor not listed needs none. */
export const VENDOR_HOOKS: Readonly<Record<string, VendorHooks>> = { crmcom, ebizcharge, opsplanning };

export type { VendorHooks } from './vendor-hooks.ts';
export { counterToken } from './vendor-hooks.ts';
