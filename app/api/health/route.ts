import { connection } from "next/server";
import { db } from "@/lib/db";
import { checkDatabase } from "@/lib/health/check-database";

export async function GET() {
  await connection();
  const database = await checkDatabase({ db });
  if (!database.ok) {
    console.error(`health: database unreachable: ${database.error}`);
    return Response.json(
      { status: "unavailable", database: "down" },
      { status: 503, headers: { "Cache-Control": "no-store" } },
    );
  }
  return Response.json(
    { status: "ok", database: "up", latencyMs: database.latencyMs },
    { headers: { "Cache-Control": "no-store" } },
  );
}
