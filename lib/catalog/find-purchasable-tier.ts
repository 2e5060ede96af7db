import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** The tier a buyer asked for, if it can be bought right now (active tier of an active product). */
export async function findPurchasableTier(options: { tierId: string }) {
  const tier = await db.tier.findUnique({
    where: { id: options.tierId },
    include: { product: true },
  });
  if (!tier || !tier.active || !tier.product.active) {
    throw new AppError(
      "TIER_NOT_AVAILABLE",
      "This license is not available for purchase. Please choose another one on the pricing page.",
    );
  }
  return tier;
}
