import js from "@eslint/js";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["build/", "build-*/", "node_modules/", "data/", "prisma/generated/", "test-results/", "playwright-report/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      // The environment is read in one place only (app/utils/env.server.ts) and by test setup.
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Use env from ~/utils/env.server" }],
    },
  },
  {
    // The domain reports failure one way, DomainError; answering in HTTP is the routes' job (ADR 019).
    files: ["app/models/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            { name: "~/utils/http.server", message: "Models throw DomainError from ~/models/domain-error; routes answer in HTTP." },
            {
              name: "@remix-run/node",
              importNames: ["data", "json", "redirect"],
              message: "Models throw DomainError; routes answer in HTTP.",
            },
          ],
        },
      ],
    },
  },
  {
    files: [
      "app/utils/env.server.ts",
      "tests/setup/**",
      "tests/support/**",
      "tests/integration/route-matrix.test.ts",
      "vite.config.ts",
      "playwright.config.ts",
      "tests/e2e/**",
      "scripts/prisma.ts",
      "scripts/benchmark.ts",
      "scripts/bench-hub.ts",
    ],
    rules: { "no-restricted-properties": "off" },
  },
);
