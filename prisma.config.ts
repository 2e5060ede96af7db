import { defineConfig } from "prisma/config";

// The CLI is only used for `prisma generate` here: migrations are applied by our own runner
// (lib/db/apply-migrations.ts) because the native schema engine is not installable offline.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
});
