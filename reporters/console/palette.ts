import pc from 'picocolors';

/** The colour functions the console reporter uses; identity functions when colour is off. */
export type Palette = ReturnType<typeof pc.createColors>;

/** Build the palette from the CLI's one colour decision (isTTY and NO_COLOR are not consulted here). */
export function createPalette(color: boolean): Palette {
  return pc.createColors(color);
}
