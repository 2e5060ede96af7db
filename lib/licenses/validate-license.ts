import "server-only";
import { db } from "@/lib/db";
import { createBatcher } from "@/lib/db/batcher";
import { hashLicenseKey } from "./license-key";
import { licenseUsability } from "./license-usability";
import {
  normalizeKey,
  toLicenseView,
  type LicenseApiCode,
  type LicenseFacts,
  type LicenseView,
} from "./license-view";

export type ValidationResult = {
  valid: boolean;
  code: LicenseApiCode;
  license: LicenseView | null;
};

type Check = { hash: string; fingerprint: string | null };

type Row = LicenseFacts & { hash: string; seatsUsed: number; liveFingerprints: string[] };

/**
 * Checks a key (and, given one, that this machine holds a live seat), counting the validation and
 * the machine's last check-in. The key is found by its sha256 through a unique index, so the lookup
 * never compares the secret itself and takes the same path whatever the key's content.
 */
export async function validateLicense(options: {
  key: string;
  fingerprint?: string;
}): Promise<ValidationResult> {
  return validateBatched({
    hash: hashLicenseKey(normalizeKey(options.key)),
    fingerprint: options.fingerprint ?? null,
  });
}

// Concurrent checks share one statement and one commit; each is answered as if it ran alone.
const validateBatched = createBatcher(async (checks: Check[]) => {
  const rows = new Map((await countValidations(checks)).map((row) => [row.hash, row]));
  return checks.map((check) => answer(check, rows.get(check.hash)));
});

function answer(check: Check, row: Row | undefined): ValidationResult {
  if (!row) return { valid: false, code: "NOT_FOUND", license: null };
  const license = toLicenseView(row, row.seatsUsed);
  const usability = licenseUsability(row);
  if (usability !== "VALID") return { valid: false, code: usability, license };
  if (check.fingerprint !== null && !row.liveFingerprints.includes(check.fingerprint))
    return { valid: false, code: "FINGERPRINT_NOT_ACTIVATED", license };
  return { valid: true, code: "VALID", license };
}

// Rows are locked in id order, so batches on several instances never deadlock on each other.
function countValidations(checks: Check[]) {
  const perKey = new Map<string, number>();
  for (const check of checks) perKey.set(check.hash, (perKey.get(check.hash) ?? 0) + 1);
  const machines = checks.filter((check) => check.fingerprint !== null);
  return db.$queryRaw<Row[]>`
    WITH per_key AS (
      SELECT * FROM unnest(${[...perKey.keys()]}::bpchar[], ${[...perKey.values()]}::int[]) AS k(hash, n)
    ), locked AS MATERIALIZED (
      SELECT id FROM "License" WHERE "keyHash" = ANY(${[...perKey.keys()]}::bpchar[]) ORDER BY id FOR UPDATE
    ), hit AS (
      UPDATE "License" l SET "validationCount" = l."validationCount" + per_key.n, "lastValidatedAt" = now()
      FROM locked, per_key WHERE l.id = locked.id AND per_key.hash = l."keyHash"
      RETURNING l.id, l."keyHash", l.status, l."expiresAt", l."seatLimit", l."productId", l."tierId"
    ), machines AS (
      SELECT * FROM unnest(${machines.map((m) => m.hash)}::bpchar[], ${machines.map((m) => m.fingerprint)}::text[]) AS m(hash, fingerprint)
    ), seen AS (
      UPDATE "Activation" a SET "lastSeenAt" = now()
      FROM hit, machines
      WHERE machines.hash = hit."keyHash" AND a."licenseId" = hit.id AND a.fingerprint = machines.fingerprint
        AND a."deactivatedAt" IS NULL
      RETURNING a."licenseId", a.fingerprint
    )
    SELECT hit."keyHash" AS hash, hit.status, hit."expiresAt", hit."seatLimit", p.slug AS product,
      lower(t.kind::text) AS tier, t.features,
      (SELECT count(*)::int FROM "Activation" a WHERE a."licenseId" = hit.id AND a."deactivatedAt" IS NULL) AS "seatsUsed",
      COALESCE((SELECT array_agg(seen.fingerprint) FROM seen WHERE seen."licenseId" = hit.id), '{}') AS "liveFingerprints"
    FROM hit JOIN "Product" p ON p.id = hit."productId" JOIN "Tier" t ON t.id = hit."tierId"`;
}
