import { describe, expect, it } from "vitest";
import { DEFAULT_BRAND_COLOR, brandTheme, contrastRatio, parseHexColor } from "~/utils/brand";

describe("brand colour", () => {
  it("accepts only #rrggbb", () => {
    expect(parseHexColor("#0F766e")).toEqual({ r: 15, g: 118, b: 110 });
    expect(parseHexColor(" #000000 ")).toEqual({ r: 0, g: 0, b: 0 });
    for (const bad of ["#fff", "0f766e", "#0f766g", "red", "", null, undefined, "#0f766e;background:url(x)", "rgb(1,2,3)"]) {
      expect(parseHexColor(bad)).toBeNull();
    }
  });

  it("falls back to the default colour when the stored one is invalid", () => {
    expect(brandTheme("javascript:alert(1)").color).toBe(DEFAULT_BRAND_COLOR);
    expect(brandTheme(null).color).toBe(DEFAULT_BRAND_COLOR);
    expect(brandTheme("#ABCDEF").color).toBe("#abcdef");
  });

  it("gives the CSS variables as space-separated channels", () => {
    expect(brandTheme("#0f766e")).toMatchObject({ rgb: "15 118 110", contrastRgb: "255 255 255", contrastColor: "#ffffff" });
  });

  it("picks the text colour with the higher WCAG contrast", () => {
    expect(brandTheme("#000000").contrastColor).toBe("#ffffff");
    expect(brandTheme("#ffffff").contrastColor).toBe("#000000");
    expect(brandTheme("#facc15").contrastColor).toBe("#000000"); // yellow
    expect(brandTheme("#1e3a8a").contrastColor).toBe("#ffffff"); // navy
    // Mid-tones go to whichever side wins, even when the margin is small.
    expect(brandTheme("#2563eb").contrastColor).toBe("#ffffff");
    expect(brandTheme("#22c55e").contrastColor).toBe("#000000");
  });

  it("computes the WCAG contrast ratio", () => {
    expect(contrastRatio({ r: 0, g: 0, b: 0 }, { r: 255, g: 255, b: 255 })).toBeCloseTo(21, 5);
    expect(contrastRatio({ r: 119, g: 119, b: 119 }, { r: 255, g: 255, b: 255 })).toBeCloseTo(4.48, 2);
    expect(contrastRatio({ r: 10, g: 20, b: 30 }, { r: 10, g: 20, b: 30 })).toBe(1);
  });

  it("always leaves at least 4.5:1 between the brand colour and its text", () => {
    for (let v = 0; v <= 255; v += 17) {
      for (const color of [
        { r: v, g: 0, b: 0 },
        { r: 0, g: v, b: 0 },
        { r: 0, g: 0, b: v },
        { r: v, g: v, b: v },
      ]) {
        const hex = `#${[color.r, color.g, color.b].map((n) => n.toString(16).padStart(2, "0")).join("")}`;
        const theme = brandTheme(hex);
        const text = theme.contrastColor === "#ffffff" ? { r: 255, g: 255, b: 255 } : { r: 0, g: 0, b: 0 };
        expect(contrastRatio(color, text)).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
