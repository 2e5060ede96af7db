import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { changeLicenseStatus } from "@/lib/licenses/change-license-status";
import { createProduct } from "@/test/factories";
import { describeWithSharedFixtures, readSharedJson } from "@/test/shared-fixtures";
import { buy, postStripeEvent, testStripe } from "@/test/stripe";

const admin = { type: "ADMIN", id: "admin-1", label: "owner@keyfront.test" } as const;

type Capture = { type: string; data: { object: Record<string, unknown> } };

// Real `charge.dispute.closed` deliveries (../shared/fixtures/stripe-subscriptions/SOURCES.md).
const CAPTURES = {
  won: "charge.dispute.closed__won__derived-from-lost__lago.json",
  lost: "charge.dispute.closed__lost__2020-08-27__lago.json",
  warningClosed: "charge.dispute.closed__warning_closed__2025-04-30.basil__lago.json",
  notClosed: "charge.dispute.closed__status-mismatch-handedited__stripe-sync-engine.json",
  trimmed2013: "charge.dispute.closed__won__2013-live-trimmed__gumroad.json",
};

/** A captured closing, with a new event id and made about `dispute` (a dispute of ours). */
function closedEvent(capture: keyof typeof CAPTURES, dispute: Record<string, unknown> = {}) {
  const event = readSharedJson<Capture>("stripe-subscriptions", CAPTURES[capture]);
  expect(event.type).toBe("charge.dispute.closed");
  return {
    ...event,
    id: `evt_test_${randomBytes(10).toString("hex")}`,
    data: { ...event.data, object: { ...event.data.object, ...dispute } },
  };
}

/** A paid purchase whose buyer opened a dispute, delivered by the emulator. */
async function disputedPurchase(beforeDispute?: (licenseId: string) => Promise<void>) {
  const product = await createProduct();
  const { sessionId, paymentIntentId } = await buy({ tierId: product.tiers[0]!.id });
  const license = await db.license.findFirstOrThrow({
    where: { purchase: { sourceOrderId: sessionId } },
  });
  await beforeDispute?.(license.id);
  const dispute = testStripe().emulator.dispute({ payment_intent: paymentIntentId });
  await testStripe().settled();
  return {
    licenseId: license.id,
    purchaseId: license.purchaseId!,
    dispute: { id: dispute.id, charge: dispute.charge, payment_intent: paymentIntentId },
  };
}

async function state(purchaseId: string) {
  const purchase = await db.purchase.findUniqueOrThrow({
    where: { id: purchaseId },
    include: { licenses: true },
  });
  return { purchase: purchase.status, licenses: purchase.licenses.map((row) => row.status) };
}

async function deliver(event: unknown) {
  const response = await postStripeEvent(event);
  expect(await response.json()).toEqual({ received: true, outcome: "processed" });
}

describeWithSharedFixtures("stripe-subscriptions", "charge.dispute.closed", () => {
  it("won: reinstates the licenses the dispute suspended and the purchase is paid again", async () => {
    const { licenseId, purchaseId, dispute } = await disputedPurchase();
    expect(await state(purchaseId)).toEqual({ purchase: "DISPUTED", licenses: ["SUSPENDED"] });

    await deliver(closedEvent("won", dispute));
    expect(await state(purchaseId)).toEqual({ purchase: "PAID", licenses: ["ACTIVE"] });
    const license = await db.license.findUniqueOrThrow({ where: { id: licenseId } });
    expect([license.statusReason, license.suspendedByDisputeId]).toEqual([null, null]);
    expect(
      await db.auditLog.count({ where: { entityId: purchaseId, action: "purchase.dispute_won" } }),
    ).toBe(1);

    // Stripe delivering the closing again (a new event id) changes nothing more.
    await deliver(closedEvent("won", dispute));
    expect(
      await db.auditLog.count({ where: { entityId: licenseId, action: "license.reinstated" } }),
    ).toBe(1);
  });

  it("won: leaves alone what an admin suspended or revoked, before or during the dispute", async () => {
    const suspendedBefore = await disputedPurchase((licenseId) =>
      changeLicenseStatus({ licenseId, change: "suspend", actor: admin }),
    );
    await deliver(closedEvent("won", suspendedBefore.dispute));
    expect((await state(suspendedBefore.purchaseId)).licenses).toEqual(["SUSPENDED"]);

    const revokedDuring = await disputedPurchase();
    await changeLicenseStatus({
      licenseId: revokedDuring.licenseId,
      change: "revoke",
      reason: "Shared publicly",
      actor: admin,
    });
    await deliver(closedEvent("won", revokedDuring.dispute));
    expect((await state(revokedDuring.purchaseId)).licenses).toEqual(["REVOKED"]);

    // Reinstated and suspended again by an admin: the suspension is the admin's now.
    const resuspended = await disputedPurchase();
    for (const change of ["reinstate", "suspend"] as const)
      await changeLicenseStatus({ licenseId: resuspended.licenseId, change, actor: admin });
    await deliver(closedEvent("won", resuspended.dispute));
    expect((await state(resuspended.purchaseId)).licenses).toEqual(["SUSPENDED"]);
  });

  it("lost: revokes the licenses the dispute suspended; the purchase stays disputed", async () => {
    const { licenseId, purchaseId, dispute } = await disputedPurchase();
    await deliver(closedEvent("lost", dispute));
    expect(await state(purchaseId)).toEqual({ purchase: "DISPUTED", licenses: ["REVOKED"] });
    const license = await db.license.findUniqueOrThrow({ where: { id: licenseId } });
    expect(license.statusReason).toBe("Payment dispute lost");
  });

  it("warning_closed, a status that is not a decision, or a capture without ids changes nothing", async () => {
    const { purchaseId, dispute } = await disputedPurchase();
    await deliver(closedEvent("warningClosed", dispute));
    await deliver(closedEvent("notClosed", dispute));
    // Gumroad's 2013 capture: no dispute id and no payment intent (they did not exist yet).
    await deliver(closedEvent("trimmed2013"));
    expect(await state(purchaseId)).toEqual({ purchase: "DISPUTED", licenses: ["SUSPENDED"] });
  });

  it("is what the Stripe emulator sends when a dispute is decided", async () => {
    const { purchaseId, dispute } = await disputedPurchase();
    testStripe().emulator.closeDispute(String(dispute.id), "won");
    await testStripe().settled();
    expect(await state(purchaseId)).toEqual({ purchase: "PAID", licenses: ["ACTIVE"] });
  });
});
