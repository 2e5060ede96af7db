import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { ActivationResult } from "./activate-license";
import { freeSeats } from "./free-seats";
import { licenseView, lockLicenseByKey } from "./load-license-for-seats";

/** Frees the seat a machine holds. Allowed whatever the license's status: it only gives back. */
export async function deactivateLicense(options: {
  key: string;
  fingerprint: string;
  actor: Actor;
}): Promise<ActivationResult> {
  return db.$transaction(async (tx) => {
    const license = await lockLicenseByKey(tx, options.key);
    if (!license) return { code: "NOT_FOUND", activation: null, license: null };
    const [activation] = await freeSeats(
      tx,
      { licenseId: license.id, fingerprint: options.fingerprint },
      options.actor,
    );
    return {
      code: activation ? "DEACTIVATED" : "FINGERPRINT_NOT_ACTIVATED",
      activation: activation ?? null,
      license: await licenseView(tx, license),
    };
  });
}
