// How readable white text is on a school's colour (WCAG 2.x contrast ratio): the colour bar of every
// member page, its buttons and the poster's title draw white text on the primary colour, so a colour
// too light for it makes the sign-in page unreadable on a phone in the sun. Pure, for the settings
// form and its tests.

/** "#rrggbb", the one form the settings store (CSS, the poster PDF and the preview all read it). */
export const HEX_COLOUR = /^#[0-9a-f]{6}$/;

/**
 * The least contrast against white text each colour must have. Primary: 4.5:1, WCAG AA for body
 * text (the bar's title and the buttons' words are ordinary text). Accent: 3:1, WCAG AA for large
 * text and graphics — it only draws the poster's step numbers (large, bold) and highlights, never
 * a paragraph.
 */
export const MIN_CONTRAST = { primaryColor: 4.5, accentColor: 3 } as const;

/** The colour's red, green and blue (0–255) of a "#rrggbb". */
export function rgbOf(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  return [(n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];
}

/** WCAG's relative luminance (0 black … 1 white). */
function luminance(hex: string): number {
  const [r, g, b] = rgbOf(hex).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of white text on `hex` (1 … 21), rounded down to one decimal as people quote it. */
export function contrastWithWhite(hex: string): number {
  const ratio = 1.05 / (luminance(hex) + 0.05);
  return Math.floor(ratio * 10) / 10;
}
