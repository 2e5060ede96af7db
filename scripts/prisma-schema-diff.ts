// Migration SQL from two schema files, for machines where Prisma 7's native schema engine cannot be
// installed. Prisma 6.19 also ships its schema engine as WebAssembly: we install that version from
// the npm registry once into a cache folder (outside the project, so it never mixes with Prisma 7)
// and run its `migrate diff`, which compares two datamodels without reading or changing any data.
// It still wants a PostgreSQL to connect its driver adapter to: `databaseUrl`.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import path from "node:path";

const ENGINE_VERSION = "6.19";
const engineDir =
  process.env.KEYFRONT_SCHEMA_ENGINE_DIR ??
  path.join(
    process.env.XDG_CACHE_HOME ?? path.join(homedir(), ".cache"),
    `keyfront-prisma-${ENGINE_VERSION}`,
  );
const prismaBin = path.join(engineDir, "node_modules/.bin/prisma");

// `engine: "js"` selects the WebAssembly schema engine, which reaches PostgreSQL through the adapter.
const ENGINE_CONFIG = `import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";
export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  async adapter() {
    return new PrismaPg({ connectionString: process.env.DATABASE_URL! });
  },
});
`;

// With a client generator of engineType "client" in its own folder, the CLI does not look for a
// native query engine either.
const ENGINE_SCHEMA = `generator client {
  provider   = "prisma-client"
  output     = "../generated"
  engineType = "client"
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
`;

function installEngine() {
  if (existsSync(prismaBin)) return;
  console.error(
    `installing prisma@${ENGINE_VERSION} (WebAssembly schema engine) into ${engineDir}`,
  );
  mkdirSync(path.join(engineDir, "prisma"), { recursive: true });
  writeFileSync(
    path.join(engineDir, "package.json"),
    JSON.stringify({ name: "keyfront-schema-engine", private: true, type: "module" }),
  );
  writeFileSync(path.join(engineDir, "prisma.config.ts"), ENGINE_CONFIG);
  writeFileSync(path.join(engineDir, "prisma/schema.prisma"), ENGINE_SCHEMA);
  execFileSync(
    "npm",
    [
      "install",
      "--no-audit",
      "--no-fund",
      "--loglevel=error",
      `prisma@${ENGINE_VERSION}`,
      `@prisma/adapter-pg@${ENGINE_VERSION}`,
      "pg@8",
    ],
    { cwd: engineDir, stdio: ["ignore", "ignore", "inherit"] },
  );
}

/** Prisma 6 requires a `url` in the datasource; our Prisma 7 schema has none, so one is added. */
function asPrisma6Schema(schemaFile: string, workDir: string, name: string) {
  const schema = readFileSync(schemaFile, "utf8").replace(
    /datasource\s+\w+\s*\{[^}]*\}/,
    (block) =>
      /^\s*url\s*=/m.test(block) ? block : block.replace(/\}$/, '  url = env("DATABASE_URL")\n}'),
  );
  const file = path.join(workDir, name);
  writeFileSync(file, schema);
  return file;
}

/** The SQL that turns the `from` schema (or an empty database) into the `to` schema. */
export function migrationSql(options: { from?: string; to: string; databaseUrl: string }): string {
  installEngine();
  const workDir = mkdtempSync(path.join(tmpdir(), "keyfront-schema-diff-"));
  try {
    const source = options.from
      ? ["--from-schema-datamodel", asPrisma6Schema(options.from, workDir, "from.prisma")]
      : ["--from-empty"];
    const output = execFileSync(
      prismaBin,
      [
        "migrate",
        "diff",
        ...source,
        "--to-schema-datamodel",
        asPrisma6Schema(options.to, workDir, "to.prisma"),
        "--script",
      ],
      {
        cwd: engineDir,
        env: { ...process.env, DATABASE_URL: options.databaseUrl },
        encoding: "utf8",
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    // The CLI announces the config file it loaded on stdout; the SQL is everything else.
    return output
      .split("\n")
      .filter((line) => !line.startsWith("Loaded Prisma config"))
      .join("\n");
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
