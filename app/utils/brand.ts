/**
 * A vendor's brand colour, made safe to use: the stored value is free text, so only `#rrggbb`
 * is trusted (anything else falls back to Tandem's blue), and the text drawn on it is black or
 * white, whichever contrasts more by WCAG 2 relative luminance.
 */
export const DEFAULT_BRAND_COLOR = "#2563eb";

export type Rgb = { r: number; g: number; b: number };

export type BrandTheme = {
  /** The validated colour as `#rrggbb` (lower case). */
  color: string;
  /** `r g b` for the `--brand-rgb` CSS variable (Tailwind's `brand` colour). */
  rgb: string;
  /** `r g b` of black or white, for `--brand-contrast-rgb`. */
  contrastRgb: string;
  /** The text colour on the brand colour, as `#rrggbb`. */
  contrastColor: "#000000" | "#ffffff";
};

export function parseHexColor(value: string | null | undefined): Rgb | null {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value?.trim() ?? "");
  if (!match) return null;
  return { r: parseInt(match[1]!, 16), g: parseInt(match[2]!, 16), b: parseInt(match[3]!, 16) };
}

function channelLuminance(channel: number) {
  const c = channel / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance({ r, g, b }: Rgb) {
  return 0.2126 * channelLuminance(r) + 0.7152 * channelLuminance(g) + 0.0722 * channelLuminance(b);
}

export function contrastRatio(a: Rgb, b: Rgb) {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const BLACK: Rgb = { r: 0, g: 0, b: 0 };
const WHITE: Rgb = { r: 255, g: 255, b: 255 };

export function brandTheme(stored: string | null | undefined): BrandTheme {
  const rgb = parseHexColor(stored) ?? parseHexColor(DEFAULT_BRAND_COLOR)!;
  const hex = (n: number) => n.toString(16).padStart(2, "0");
  const whiteWins = contrastRatio(rgb, WHITE) >= contrastRatio(rgb, BLACK);
  return {
    color: `#${hex(rgb.r)}${hex(rgb.g)}${hex(rgb.b)}`,
    rgb: `${rgb.r} ${rgb.g} ${rgb.b}`,
    contrastRgb: whiteWins ? "255 255 255" : "0 0 0",
    contrastColor: whiteWins ? "#ffffff" : "#000000",
  };
}
