import "server-only";
import { db } from "@/lib/db";
import { formatDay } from "@/lib/format/dates";

/** Revenue and sales per UTC day for the last 30 days, sales by tier, and what needs attention. */
export async function storeOverview() {
  const since = new Date(Date.now() - 29 * 86_400_000);
  since.setUTCHours(0, 0, 0, 0);
  const [daily, byTier, recent, failedWebhooks, failedEmails] = await Promise.all([
    db.$queryRaw<{ day: Date; currency: string; revenue: bigint; sales: bigint }[]>`
      SELECT date_trunc('day', "paidAt" AT TIME ZONE 'UTC') AS day, currency, sum("amountCents")::bigint AS revenue, count(*)::bigint AS sales
      FROM "Purchase" WHERE status = 'PAID' AND "paidAt" >= ${since} GROUP BY 1, 2 ORDER BY 1`,
    db.$queryRaw<
      { product: string; tier: string; currency: string; revenue: bigint; sales: bigint }[]
    >`
      SELECT p.name AS product, t.name AS tier, pu.currency, sum(pu."amountCents")::bigint AS revenue, count(*)::bigint AS sales
      FROM "Purchase" pu JOIN "Product" p ON p.id = pu."productId" JOIN "Tier" t ON t.id = pu."tierId"
      WHERE pu.status = 'PAID' AND pu."paidAt" >= ${since} GROUP BY 1, 2, 3 ORDER BY 4 DESC`,
    db.purchase.findMany({
      orderBy: { createdAt: "desc" },
      take: 8,
      include: { product: { select: { name: true } }, tier: { select: { name: true } } },
    }),
    db.webhookEvent.count({ where: { status: "FAILED" } }),
    db.emailMessage.count({ where: { status: "FAILED" } }),
  ]);
  const days = Array.from({ length: 30 }, (_, index) =>
    formatDay(new Date(since.getTime() + index * 86_400_000)),
  );
  return {
    days: days.map((day) => {
      const rows = daily.filter((row) => formatDay(row.day) === day);
      return {
        day,
        sales: rows.reduce((sum, row) => sum + Number(row.sales), 0),
        revenue: rows.map((row) => ({ currency: row.currency, cents: Number(row.revenue) })),
      };
    }),
    byTier: byTier.map((row) => ({
      ...row,
      revenue: Number(row.revenue),
      sales: Number(row.sales),
    })),
    recent,
    alerts: { failedWebhooks, failedEmails },
  };
}
