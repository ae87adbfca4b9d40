/** A value in a vendor payload tree, before a protocol serializes it. Object keys keep field order. */
export type VendorValue = string | number | boolean | null | VendorObject | readonly VendorValue[];

/** An object in a vendor payload tree. */
export interface VendorObject {
  readonly [name: string]: VendorValue;
}

/** True for a non-array object. */
export function isVendorObject(value: VendorValue | undefined): value is VendorObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
