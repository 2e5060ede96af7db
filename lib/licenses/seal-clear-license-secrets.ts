import "server-only";
import { db } from "@/lib/db";
import { isSealed, sealLicenseSecret } from "./license-secrets";

const SEALED_PREFIX = "v1:";

/**
 * Encrypts the license keys and certificates still stored in clear: the rows written before they
 * were encrypted (the migration that renamed the columns cannot encrypt under the app's key), or
 * put in by hand. Runs when the app starts (instrumentation.ts), in batches of `batchSize`; each
 * row is rewritten only while it still holds what was read, so instances starting together seal
 * each row once and a second run finds nothing to do. Returns how many rows it sealed.
 */
export async function sealClearLicenseSecrets(options: { batchSize?: number } = {}) {
  const batchSize = options.batchSize ?? 200;
  let sealed = 0;
  // Walks the table once in id order: it ends, whatever the rows hold.
  let after = "";
  for (;;) {
    const rows = await db.license.findMany({
      where: {
        id: { gt: after },
        OR: [
          { NOT: { keyCiphertext: { startsWith: SEALED_PREFIX } } },
          { NOT: { certificateCiphertext: { startsWith: SEALED_PREFIX } } },
        ],
      },
      select: { id: true, keyCiphertext: true, certificateCiphertext: true },
      orderBy: { id: "asc" },
      take: batchSize,
    });
    for (const row of rows) {
      const seal = (stored: string) => (isSealed(stored) ? stored : sealLicenseSecret(stored));
      const { count } = await db.license.updateMany({
        where: row,
        data: {
          keyCiphertext: seal(row.keyCiphertext),
          certificateCiphertext: seal(row.certificateCiphertext),
        },
      });
      sealed += count;
    }
    if (rows.length < batchSize) return sealed;
    after = rows.at(-1)!.id;
  }
}
