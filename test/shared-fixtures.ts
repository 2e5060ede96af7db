import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe } from "vitest";

// Real captures from Stripe and others are not ours to commit: they are read at run time from
// ../shared/fixtures beside the repository (CI always has it). SHARED_FIXTURES_DIR points
// elsewhere, e.g. at a missing folder to see the suites skip.
const sharedFixturesDir = path.resolve(
  process.env.SHARED_FIXTURES_DIR ?? path.join(import.meta.dirname, "../../shared/fixtures"),
);

/**
 * `describe` for tests that read files from one folder of ../shared/fixtures: without that folder
 * the suite is skipped, and says so.
 */
export function describeWithSharedFixtures(folder: string, name: string, tests: () => void) {
  const dir = path.join(sharedFixturesDir, folder);
  const present = existsSync(dir);
  if (!present)
    console.warn(
      `skipped "${name}": it reads real captures from ${dir} ` +
        "(../shared/fixtures beside the repository), which is absent",
    );
  describe.skipIf(!present)(name, tests);
}

/** A file of ../shared/fixtures/<folder>, as its exact bytes. */
export const readSharedFixture = (folder: string, file: string): Buffer =>
  readFileSync(path.join(sharedFixturesDir, folder, file));

/** A JSON file of ../shared/fixtures/<folder>. */
export const readSharedJson = <T>(folder: string, file: string): T =>
  JSON.parse(readSharedFixture(folder, file).toString("utf8")) as T;
