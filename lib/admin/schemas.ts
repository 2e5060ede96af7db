import { z } from "zod";
import { recordId } from "@/lib/db/record-id";
import { PurchaseStatus, TierKind } from "@/lib/generated/prisma/enums";

export const licenseStatusChangeSchema = z.discriminatedUnion("change", [
  z.object({
    licenseId: recordId,
    change: z.literal("revoke"),
    reason: z.string().trim().min(3, "Say why (at least 3 characters).").max(500),
  }),
  z.object({
    licenseId: recordId,
    change: z.literal("suspend"),
    reason: z.string().trim().max(500).optional(),
  }),
  z.object({
    licenseId: recordId,
    change: z.literal("reinstate"),
    reason: z.string().trim().max(500).optional(),
  }),
]);

export const licenseTermsSchema = z.object({
  licenseId: recordId,
  // An empty date means perpetual.
  expiresAt: z
    .string()
    .trim()
    .transform((value, context) => {
      if (value === "") return null;
      const date = new Date(`${value}T23:59:59.999Z`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(date.getTime())) {
        context.addIssue({
          code: "custom",
          message: "Use a date like 2027-12-31, or leave it empty for perpetual.",
        });
        return z.NEVER;
      }
      return date;
    }),
  seatLimit: z.coerce.number().int().min(1).max(10_000),
});

export const licenseIdSchema = z.object({ licenseId: recordId });
export const webhookEventIdSchema = z.object({ webhookEventId: recordId });
export const emailIdSchema = z.object({ emailId: recordId });
export const grantLicenseSchema = z.object({
  tierId: recordId,
  email: z.email().max(254),
  name: z.string().trim().max(200).optional(),
});

export const purchaseFilterSchema = z.object({
  from: z.iso.date().optional().catch(undefined),
  to: z.iso.date().optional().catch(undefined),
  status: z.enum(PurchaseStatus).optional().catch(undefined),
  product: z.string().max(64).optional().catch(undefined),
  tier: z.enum(TierKind).optional().catch(undefined),
  test: z.enum(["live", "test"]).optional().catch(undefined),
});

export type PurchaseFilter = z.infer<typeof purchaseFilterSchema>;

/** The choices of the purchase filter, in the schema's order. */
export const PURCHASE_STATUSES = Object.values(PurchaseStatus);
export const TIER_KINDS = Object.values(TierKind);
