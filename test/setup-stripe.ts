import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll } from "vitest";
import { startStripeEmulator } from "@/dev/stripe-emulator/server";
import { setTestStripe } from "./stripe-context";

// Runs before each test file imports the app, so the app's configuration sees these keys.
// The emulator's webhooks go to the real route handler, through a local HTTP server.
const target = createServer(async (request, response) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const { POST } = await import("@/app/api/webhooks/stripe/route");
  const answer = await POST(
    new Request(`http://localhost${request.url}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "stripe-signature": String(request.headers["stripe-signature"] ?? ""),
      },
      body: Buffer.concat(chunks).toString("utf8"),
    }),
  );
  response.writeHead(answer.status, { "content-type": "application/json" });
  response.end(await answer.text());
});
await new Promise<void>((resolve) => target.listen(0, "127.0.0.1", resolve));

const emulator = await startStripeEmulator({
  webhookUrl: `http://127.0.0.1:${(target.address() as AddressInfo).port}/api/webhooks/stripe`,
  retryBaseMs: 50,
  maxAttempts: 3,
});
process.env.STRIPE_SECRET_KEY = emulator.secretKey;
process.env.STRIPE_WEBHOOK_SECRET = emulator.webhookSecret;
process.env.STRIPE_API_BASE = emulator.url;
setTestStripe(emulator);

afterAll(async () => {
  await emulator.stop();
  target.closeAllConnections();
  await new Promise<void>((resolve) => target.close(() => resolve()));
});
