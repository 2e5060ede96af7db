import { purchasesCsv } from "@/lib/admin/list-purchases";
import { purchaseFilterSchema } from "@/lib/admin/schemas";
import { requireAdmin } from "@/lib/auth/session";
import { formatDay } from "@/lib/format/dates";

export async function GET(request: Request) {
  await requireAdmin();
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filter = purchaseFilterSchema.parse(params);
  const name = `purchases-${filter.from ?? "start"}-to-${filter.to ?? formatDay(new Date())}.csv`;
  return new Response(purchasesCsv(filter), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "no-store",
    },
  });
}
