import { z } from "zod";
import { TierKind } from "@/lib/generated/prisma/enums";

export type TierSlug = Lowercase<TierKind>;

export function tierSlug(kind: TierKind): TierSlug {
  return kind.toLowerCase() as TierSlug;
}

/** Every tier kind, in the schema's order, as it appears in URLs. */
export const TIER_SLUGS = Object.values(TierKind).map(tierSlug);

export const tierSlugSchema = z.enum(TIER_SLUGS);
