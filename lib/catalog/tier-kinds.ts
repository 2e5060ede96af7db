import { z } from "zod";
import type { TierKind } from "@/lib/generated/prisma/enums";

export const TIER_SLUGS = ["personal", "commercial", "premium"] as const;
export type TierSlug = (typeof TIER_SLUGS)[number];

export const tierSlugSchema = z.enum(TIER_SLUGS);

export function tierSlug(kind: TierKind): TierSlug {
  return kind.toLowerCase() as TierSlug;
}
