import { afterAll, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { formatDay } from "@/lib/format/dates";
import type { PurchaseStatus } from "@/lib/generated/prisma/enums";
import { createProduct, uniqueSuffix } from "@/test/factories";
import { storeOverview } from "./store-overview";

// The overview adds up every purchase in the store: this file has a database of its own, so the
// figures are exactly the purchases made here.
const ownDatabase = await vi.hoisted(async () =>
  (await import("@/test/scratch-database")).useOwnDatabase("keyfront_overview"),
);

afterAll(async () => {
  await db.$disconnect();
  await ownDatabase.drop();
});

const DAY = 86_400_000;
const startOfDay = (daysAgo: number) => {
  const day = new Date(Date.now() - daysAgo * DAY);
  day.setUTCHours(0, 0, 0, 0);
  return day;
};

it("adds up the last 30 UTC days of paid sales by day and by tier, with the newest purchases and the failures", async () => {
  const [software, video] = [await createProduct(), await createProduct()];
  const [personal, commercial] = software.tiers;
  const extended = video.tiers[0]!;
  let created = 0;
  const purchase = (options: {
    tier: { id: string; productId: string };
    cents: number;
    currency?: string;
    status?: PurchaseStatus;
    paidAt?: Date;
  }) =>
    db.purchase.create({
      data: {
        source: "MANUAL",
        sourceOrderId: `overview-${uniqueSuffix()}`,
        customerEmail: "buyer@example.com",
        productId: options.tier.productId,
        tierId: options.tier.id,
        amountCents: options.cents,
        currency: options.currency ?? "usd",
        status: options.status ?? "PAID",
        paidAt: options.status === "PENDING" ? null : (options.paidAt ?? new Date()),
        // One second apart, in the order written: the newest is the last one created.
        createdAt: new Date(Date.now() - 3_600_000 + 1_000 * created++),
      },
    });

  const pendingOld = await purchase({ tier: personal!, cents: 100, status: "PENDING" });
  await purchase({ tier: personal!, cents: 100, status: "PENDING" });
  // Paid 30 days ago, a minute before the window opens: left out.
  await purchase({
    tier: commercial!,
    cents: 9_000,
    paidAt: new Date(startOfDay(29).getTime() - 60_000),
  });
  // The window's first minute.
  await purchase({
    tier: extended,
    cents: 1_500,
    paidAt: new Date(startOfDay(29).getTime() + 60_000),
  });
  await purchase({ tier: personal!, cents: 500, currency: "eur", paidAt: startOfDay(3) });
  await purchase({ tier: personal!, cents: 1_000, paidAt: startOfDay(3) });
  await purchase({ tier: commercial!, cents: 2_000 });
  // Refunded and disputed sales are not revenue.
  await purchase({ tier: commercial!, cents: 7_000, status: "REFUNDED" });
  await purchase({ tier: commercial!, cents: 8_000, status: "DISPUTED" });

  for (const [status, count] of [
    ["FAILED", 2],
    ["PROCESSED", 1],
  ] as const) {
    for (let index = 0; index < count; index++)
      await db.webhookEvent.create({
        data: {
          provider: "stripe",
          providerEventId: `evt_${uniqueSuffix()}`,
          type: "checkout.session.completed",
          payload: {},
          status,
        },
      });
  }
  for (const status of ["FAILED", "SENT", "QUEUED"] as const)
    await db.emailMessage.create({
      data: {
        idempotencyKey: `overview:${uniqueSuffix()}`,
        to: "buyer@example.com",
        template: "receipt",
        subject: "Receipt",
        html: "",
        text: "",
        status,
      },
    });

  const overview = await storeOverview();

  expect(overview.days).toHaveLength(30);
  expect(overview.days[0]!.day).toBe(formatDay(startOfDay(29)));
  expect(overview.days[29]!.day).toBe(formatDay(new Date()));
  const busyDays = overview.days.filter((day) => day.sales > 0 || day.revenue.length > 0);
  expect(busyDays).toEqual([
    { day: formatDay(startOfDay(29)), sales: 1, revenue: [{ currency: "usd", cents: 1_500 }] },
    {
      day: formatDay(startOfDay(3)),
      sales: 2,
      revenue: expect.arrayContaining([
        { currency: "eur", cents: 500 },
        { currency: "usd", cents: 1_000 },
      ]),
    },
    { day: formatDay(new Date()), sales: 1, revenue: [{ currency: "usd", cents: 2_000 }] },
  ]);
  expect(busyDays[1]!.revenue).toHaveLength(2);

  expect(overview.byTier).toEqual([
    { product: software.name, tier: commercial!.name, currency: "usd", revenue: 2_000, sales: 1 },
    { product: video.name, tier: extended.name, currency: "usd", revenue: 1_500, sales: 1 },
    { product: software.name, tier: personal!.name, currency: "usd", revenue: 1_000, sales: 1 },
    { product: software.name, tier: personal!.name, currency: "eur", revenue: 500, sales: 1 },
  ]);

  // The eight newest purchases of all kinds, newest first: the oldest of the nine is left out.
  expect(overview.recent).toHaveLength(8);
  expect(overview.recent.map((row) => row.amountCents)).toEqual([
    8_000, 7_000, 2_000, 1_000, 500, 1_500, 9_000, 100,
  ]);
  expect(overview.recent.map((row) => row.id)).not.toContain(pendingOld.id);
  expect(overview.recent[0]).toMatchObject({
    product: { name: software.name },
    tier: { name: commercial!.name },
  });

  expect(overview.alerts).toEqual({ failedWebhooks: 2, failedEmails: 1 });
});
