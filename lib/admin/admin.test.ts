import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createLicense, createProduct, uniqueSuffix } from "@/test/factories";
import { getLicenseDetail } from "./find-licenses";
import { grantLicense } from "./grant-license";
import { purchasesCsv } from "./list-purchases";
import { resetActivations } from "./reset-activations";

const admin = { type: "ADMIN", id: "admin-1", label: "owner@keyfront.test" } as const;

describe("admin license actions", () => {
  it("resets every activation", async () => {
    const { license } = await createLicense({ seatLimit: 3 });
    await db.activation.createMany({
      data: [
        { licenseId: license.id, fingerprint: "a" },
        { licenseId: license.id, fingerprint: "b" },
      ],
    });
    await resetActivations({ licenseId: license.id, actor: admin });
    expect(
      await db.activation.count({ where: { licenseId: license.id, deactivatedAt: null } }),
    ).toBe(0);
  });

  it("grants a license by hand with a MANUAL purchase and its email", async () => {
    const product = await createProduct();
    const email = `gift-${uniqueSuffix()}@example.com`;
    const { purchase, license } = await grantLicense({
      tierId: product.tiers[0]!.id,
      email: email.toUpperCase(),
      actor: admin,
    });
    expect([purchase.source, purchase.status, purchase.amountCents, license.customerEmail]).toEqual(
      ["MANUAL", "PAID", 0, email],
    );
    expect(
      await db.emailMessage.count({ where: { to: email, template: "license-delivery" } }),
    ).toBe(1);
  });

  it("grants through the checkout's fulfilment: receipt, and audit rows naming the admin", async () => {
    const product = await createProduct();
    const email = `granted-${uniqueSuffix()}@example.com`;
    const { purchase, license } = await grantLicense({
      tierId: product.tiers[1]!.id,
      email,
      actor: admin,
    });
    expect(
      await db.emailMessage.count({
        where: {
          idempotencyKey: { in: [`license-delivery:${purchase.id}`, `receipt:${purchase.id}`] },
        },
      }),
    ).toBe(2);
    const audit = await db.auditLog.findMany({
      where: { entityId: { in: [purchase.id, license.id] } },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((row) => [row.action, row.actorType, row.actorLabel])).toEqual([
      ["purchase.granted", "ADMIN", "owner@keyfront.test"],
      ["purchase.paid", "ADMIN", "owner@keyfront.test"],
      ["license.issued", "ADMIN", "owner@keyfront.test"],
    ]);
  });

  it("counts the seats a license uses from its live activations only", async () => {
    const { license } = await createLicense({ seatLimit: 3 });
    await db.activation.createMany({
      data: [
        { licenseId: license.id, fingerprint: "live" },
        { licenseId: license.id, fingerprint: "gone", deactivatedAt: new Date() },
      ],
    });
    const detail = await getLicenseDetail({ licenseId: license.id });
    expect(detail?.seats).toEqual({ used: 1, limit: 3 });
  });
});

describe("admin operations", () => {
  it("exports purchases in a date range as CSV, safe for spreadsheets", async () => {
    const product = await createProduct();
    await grantLicense({
      tierId: product.tiers[0]!.id,
      email: `csv-${uniqueSuffix()}@example.com`,
      name: "=HYPERLINK()",
      actor: admin,
    });
    const today = new Date().toISOString().slice(0, 10);
    const text = await new Response(
      purchasesCsv({ from: today, to: today, product: product.slug }),
    ).text();
    const lines = text.trim().split("\n");
    expect(lines[0]).toBe(
      "created_at,paid_at,purchase_id,source,order_id,status,test,email,product,tier,quantity,amount,currency,payment_intent,refunded_at",
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`,MANUAL,`);
    expect(lines[1]).toContain(`,${product.slug},personal,1,0.00,USD,`);
    expect(await new Response(purchasesCsv({ from: "2001-01-01", to: "2001-01-02" })).text()).toBe(
      `${lines[0]}\n`,
    );
  });
});
