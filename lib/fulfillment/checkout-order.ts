import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { PurchaseOrder } from "./purchase-order";

/**
 * What a Checkout Session bought, checked against our catalog: the tier named in its metadata,
 * one line item charged at the price recorded when the session was created, in the tier's
 * currency. Anything else cannot be fulfilled automatically (a permanent error for an admin).
 */
export async function readCheckoutOrder(session: Stripe.Checkout.Session): Promise<PurchaseOrder> {
  if (session.mode !== "payment") {
    throw new AppError(
      "UNSUPPORTED_CHECKOUT",
      `Checkout session ${session.id} is in ${session.mode} mode; only one-time payments are sold.`,
    );
  }
  const tierId = session.metadata?.tierId;
  const tier = tierId
    ? await db.tier.findUnique({ where: { id: tierId }, include: { product: true } })
    : null;
  if (!tier) {
    throw new AppError(
      "UNKNOWN_TIER",
      `Checkout session ${session.id} names tier "${tierId ?? ""}", which does not exist.`,
    );
  }
  const items = session.line_items?.data ?? [];
  const item = items[0];
  const expectedUnit = Number(session.metadata?.priceCents);
  if (
    items.length !== 1 ||
    !item ||
    item.price?.unit_amount !== expectedUnit ||
    item.currency.toLowerCase() !== tier.currency.toLowerCase() ||
    session.amount_total !== item.amount_total ||
    (item.quantity ?? 0) < 1
  ) {
    throw new AppError(
      "AMOUNT_MISMATCH",
      `Checkout session ${session.id} charged ${session.amount_total ?? "?"} ${session.currency ?? ""} for ` +
        `${items.length} line item(s), which does not match ${tier.product.name} ${tier.name} at ${expectedUnit} ${tier.currency}.`,
    );
  }
  const email = (session.customer_details?.email ?? session.customer_email)?.trim().toLowerCase();
  if (!email)
    throw new AppError(
      "UNSUPPORTED_CHECKOUT",
      `Checkout session ${session.id} has no customer email.`,
    );

  return {
    source: "STRIPE",
    sourceOrderId: session.id,
    tier,
    quantity: item.quantity ?? 1,
    amountCents: session.amount_total ?? 0,
    currency: tier.currency,
    customerEmail: email,
    customerName: session.customer_details?.name ?? null,
    paymentIntentId:
      typeof session.payment_intent === "string"
        ? session.payment_intent
        : (session.payment_intent?.id ?? null),
    testMode: !session.livemode,
    providerObject: JSON.parse(JSON.stringify(session)) as Prisma.InputJsonValue,
  };
}
