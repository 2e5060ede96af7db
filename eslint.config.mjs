import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".data/**",
      "lib/generated/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
    ],
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // The app must never load local stand-ins: dev/ and test/ are for the launcher and the tests.
    files: ["app/**", "components/**", "lib/**", "emails/**"],
    ignores: ["**/*.test.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/dev/*", "@/test/*", "@/e2e/*"],
              message: "dev/, test/ and e2e/ are not part of the app.",
            },
          ],
        },
      ],
    },
  },
  {
    // UI code never reaches the database directly: it gets data from lib/ functions.
    files: ["components/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/lib/db", "@/lib/db/*", "@/lib/generated/*"],
              message: "Components get data as props.",
            },
          ],
        },
      ],
    },
  },
];

export default config;
