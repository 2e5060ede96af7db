// The yardstick for `npm run bench`: the least a validate endpoint can do. Plain node:http and pg,
// the same indexed lookup by key hash and the same answer, nothing else (no validation counting,
// no rate limits, no input schema).
import { createHash } from "node:crypto";
import { createServer } from "node:http";
import pg from "pg";

const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
});

const server = createServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  try {
    const { key } = JSON.parse(Buffer.concat(chunks).toString("utf8")) as { key: string };
    const hash = createHash("sha256").update(key.trim().toUpperCase()).digest("hex");
    const { rows } = await pool.query(
      `SELECT l.status, l."expiresAt", l."seatLimit", p.slug AS product, lower(t.kind::text) AS tier, t.features
       FROM "License" l JOIN "Product" p ON p.id = l."productId" JOIN "Tier" t ON t.id = l."tierId"
       WHERE l."keyHash" = $1`,
      [hash],
    );
    const row = rows[0];
    const body = row
      ? {
          valid: row.status === "ACTIVE",
          code: row.status === "ACTIVE" ? "VALID" : row.status,
          license: row,
        }
      : { valid: false, code: "NOT_FOUND", license: null };
    response.writeHead(row ? 200 : 404, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  } catch {
    response.writeHead(400, { "content-type": "application/json" });
    response.end('{"error":{"code":"INVALID_JSON"}}');
  }
});

server.listen(Number(process.env.PORT ?? 3201), "127.0.0.1", () => console.log("baseline ready"));
process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
