import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changeLicenseStatus } from "@/lib/licenses/change-license-status";
import { createProduct } from "@/test/factories";
import { buy, testStripe } from "@/test/stripe";

afterEach(() => testStripe().setDelivery(true));

const admin = { type: "ADMIN", id: "admin-1", label: "owner@keyfront.test" } as const;

describe("a reversed payment changes licenses through the license transitions", () => {
  it("leaves a license an admin revoked revoked when its payment is disputed", async () => {
    const product = await createProduct();
    const { sessionId, paymentIntentId } = await buy({ tierId: product.tiers[0]!.id });
    const license = await db.license.findFirstOrThrow({
      where: { purchase: { sourceOrderId: sessionId } },
    });
    await changeLicenseStatus({
      licenseId: license.id,
      change: "revoke",
      reason: "Shared publicly",
      actor: admin,
    });

    testStripe().emulator.dispute({ payment_intent: paymentIntentId });
    await testStripe().settled();

    const purchase = await db.purchase.findUniqueOrThrow({
      where: { id: license.purchaseId! },
      include: { licenses: true },
    });
    expect(purchase.status).toBe("DISPUTED");
    expect(purchase.licenses.map((row) => [row.status, row.statusReason])).toEqual([
      ["REVOKED", "Shared publicly"],
    ]);
  });

  it("writes each license's change to the audit log with the webhook as its actor", async () => {
    const product = await createProduct();
    const { sessionId, paymentIntentId } = await buy({ tierId: product.tiers[0]!.id });
    testStripe().emulator.refund({ payment_intent: paymentIntentId });
    await testStripe().settled();

    const license = await db.license.findFirstOrThrow({
      where: { purchase: { sourceOrderId: sessionId } },
    });
    const audit = await db.auditLog.findMany({
      where: { entityId: license.id, action: "license.revoked" },
    });
    expect(audit.map((row) => [row.actorType, row.after])).toEqual([
      ["WEBHOOK", { status: "REVOKED", reason: "Payment refunded" }],
    ]);
  });
});
