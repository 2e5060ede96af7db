import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import importBoundaries from "./eslint-rules/import-boundaries.mjs";

const appCode = ["app", "components", "lib", "emails"];
const portal = ["app/(portal)", "components/portal", "lib/portal"];
const admin = ["app/(admin)", "components/admin", "lib/admin"];
const audiences = ["storefront", "portal", "admin", "auth"];

/** Who may import what: `from` folders (minus `except`) never import anything under `to`. */
const boundaries = [
  {
    from: appCode,
    to: ["dev", "test", "e2e"],
    allowInTests: true,
    message: "dev/, test/ and e2e/ are not part of the app.",
  },
  {
    from: portal,
    to: admin,
    message: "customer portal code never reaches admin modules.",
  },
  {
    from: admin,
    to: portal,
    message: "admin code does not borrow the customer portal's modules.",
  },
  {
    from: ["components"],
    to: ["lib/db", "lib/generated"],
    message: "components get their data as props, from lib/ functions called by the page.",
  },
  {
    from: [""], // the whole project
    except: ["lib"],
    to: ["lib/generated"],
    allowTypeImports: true,
    message: "only lib/ uses the Prisma client; elsewhere import its types with `import type`.",
  },
  // components/ui is shared by every audience; each audience's own components stay its own.
  ...audiences.map((audience) => ({
    from: [`components/${audience}`],
    to: audiences.filter((other) => other !== audience).map((other) => `components/${other}`),
    message: `components/${audience} uses components/ui and its own components, never another audience's.`,
  })),
];

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
    // Each boundary is checked on the import's resolved path, `@/…` and relative alike.
    plugins: { keyfront: { rules: { "import-boundaries": importBoundaries } } },
    rules: { "keyfront/import-boundaries": ["error", boundaries] },
  },
];

export default config;
