import type { Prisma, Product, PurchaseSource, Tier } from "@/lib/generated/prisma/client";

/** What a buyer ordered, whatever it came through: a Stripe checkout or an admin's grant. */
export type PurchaseOrder = {
  source: PurchaseSource;
  /** Unique per source: the Checkout Session id, or a generated id for a grant. */
  sourceOrderId: string;
  tier: Tier & { product: Product };
  quantity: number;
  amountCents: number;
  currency: string;
  customerEmail: string;
  customerName: string | null;
  paymentIntentId: string | null;
  testMode: boolean;
  /** The provider's object as received, kept for audit. */
  providerObject?: Prisma.InputJsonValue;
};
