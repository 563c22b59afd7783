import type { Config } from "tailwindcss";

export default {
  content: ["./app/**/*.{ts,tsx}"],
  theme: {
    extend: {
      colors: {
        // The vendor's brand colour, set per hub as a CSS variable (see hub layout).
        brand: "rgb(var(--brand-rgb, 37 99 235) / <alpha-value>)",
        "brand-contrast": "rgb(var(--brand-contrast-rgb, 255 255 255) / <alpha-value>)",
      },
    },
  },
  plugins: [],
} satisfies Config;
