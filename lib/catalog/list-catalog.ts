import "server-only";
import { db } from "@/lib/db";
import { tierSlug, type TierSlug } from "./tier-kinds";

export type CatalogTier = {
  id: string;
  kind: TierSlug;
  name: string;
  summary: string;
  priceCents: number;
  currency: string;
  licenseName: string;
  licenseTerms: string;
  features: string[];
  formats: string[];
  seatLimit: number;
  durationDays: number | null;
};

export type CatalogAsset = {
  id: string;
  name: string;
  fileName: string;
  sizeBytes: number;
  contentType: string;
  // null = every tier; otherwise only this tier's licenses include the file.
  tierKind: TierSlug | null;
};

export type CatalogProduct = {
  id: string;
  slug: string;
  name: string;
  tagline: string;
  description: string;
  kind: "SOFTWARE" | "DESIGN_ASSETS" | "STOCK_VIDEO";
  tiers: CatalogTier[];
  assets: CatalogAsset[];
};

/** Active products with their active tiers (personal, commercial, premium) and files. */
export async function listCatalog(): Promise<CatalogProduct[]> {
  const products = await db.product.findMany({
    where: { active: true },
    orderBy: [{ sortOrder: "asc" }, { name: "asc" }],
    include: {
      tiers: { where: { active: true }, orderBy: { kind: "asc" } },
      assets: { orderBy: { name: "asc" }, include: { tier: { select: { kind: true } } } },
    },
  });

  return products.map((product) => ({
    id: product.id,
    slug: product.slug,
    name: product.name,
    tagline: product.tagline,
    description: product.description,
    kind: product.kind,
    tiers: product.tiers.map((tier) => ({
      id: tier.id,
      kind: tierSlug(tier.kind),
      name: tier.name,
      summary: tier.summary,
      priceCents: tier.priceCents,
      currency: tier.currency,
      licenseName: tier.licenseName,
      licenseTerms: tier.licenseTerms,
      features: tier.features,
      formats: tier.formats,
      seatLimit: tier.seatLimit,
      durationDays: tier.durationDays,
    })),
    assets: product.assets.map((asset) => ({
      id: asset.id,
      name: asset.name,
      fileName: asset.fileName,
      sizeBytes: Number(asset.sizeBytes),
      contentType: asset.contentType,
      tierKind: asset.tier ? tierSlug(asset.tier.kind) : null,
    })),
  }));
}
