import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import type { TierKind } from "@/lib/generated/prisma/enums";

export const uniqueSuffix = () => randomBytes(4).toString("hex");

/** A product with personal / commercial / premium tiers and a unique slug. */
export async function createProduct(
  overrides: { active?: boolean; inactiveTiers?: TierKind[] } = {},
) {
  const suffix = uniqueSuffix();
  const kinds: TierKind[] = ["PERSONAL", "COMMERCIAL", "PREMIUM"];
  return db.product.create({
    data: {
      slug: `test-product-${suffix}`,
      name: `Test Product ${suffix}`,
      tagline: "A product made by a test.",
      description: "Made by test/factories.ts.",
      kind: "SOFTWARE",
      keyPrefix: "TEST",
      active: overrides.active ?? true,
      sortOrder: 100,
      tiers: {
        create: kinds.map((kind, index) => ({
          kind,
          name: kind.charAt(0) + kind.slice(1).toLowerCase(),
          summary: `${kind} tier`,
          priceCents: 1000 * (index + 1) + 99,
          currency: "usd",
          licenseName: `${kind} license`,
          licenseTerms: `Terms for ${kind}.`,
          features: [`feature ${index}`],
          formats: ["ZIP"],
          seatLimit: index * 2 + 1,
          durationDays: kind === "PERSONAL" ? 365 : null,
          active: !overrides.inactiveTiers?.includes(kind),
        })),
      },
    },
    include: { tiers: { orderBy: { kind: "asc" } } },
  });
}

/** A license issued the way fulfilment issues one, for a product made by createProduct. */
export async function createLicense(
  options: { tierIndex?: number; seatLimit?: number; email?: string } = {},
) {
  const { issueLicenses } = await import("@/lib/licenses/issue-licenses");
  const product = await createProduct();
  const tier = product.tiers[options.tierIndex ?? 1]!;
  const [license] = await db.$transaction((tx) =>
    issueLicenses(tx, {
      purchaseId: null,
      product,
      tier: { ...tier, seatLimit: options.seatLimit ?? tier.seatLimit },
      customerEmail: options.email ?? `customer-${uniqueSuffix()}@example.com`,
      quantity: 1,
      actor: { type: "SYSTEM", label: "test factory" },
    }),
  );
  return { license: license!, product, tier };
}
