import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { queueLicenseEmailAgain } from "@/lib/licenses/queue-license-email-again";

/** An admin sends a license's email again (no hourly limit: the customer asked them to). */
export async function sendLicenseEmailAsAdmin(options: { licenseId: string; actor: Actor }) {
  const license = await db.license.findUnique({
    where: { id: options.licenseId },
    include: { purchase: true, product: true, tier: true },
  });
  if (!license) throw new AppError("NOT_FOUND", "No such license.");
  await queueLicenseEmailAgain({ license, actor: options.actor });
}
