import { randomBytes, timingSafeEqual } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { StripeApiError, StripeEmulator } from "./emulator";
import { parseFormBody } from "./form-body";
import { checkoutPage, closedPage, dashboardPage } from "./pages";
import { StateStore, type Json } from "./state";
import { WebhookSender } from "./webhook-sender";

export type StripeEmulatorOptions = {
  webhookUrl: string;
  // Keeps keys and state across restarts; in memory when unset.
  dataDir?: string;
  port?: number;
  retryBaseMs?: number;
  maxAttempts?: number;
  log?: (line: string) => void;
};

export type RunningStripeEmulator = {
  url: string;
  secretKey: string;
  webhookSecret: string;
  emulator: StripeEmulator;
  /** Resolves once every webhook delivery so far has succeeded or used up its retries. */
  settled: () => Promise<void>;
  /** Tests: hold events instead of delivering them, to deliver by hand in any order. */
  setDelivery: (enabled: boolean) => void;
  /** Tests: answer the next `count` API requests with a 500, as Stripe does in an outage. */
  failNextRequests: (count: number) => void;
  /** Tests: how many API requests (`/v1/…`) the emulator has received, answered or not. */
  apiRequestCount: () => number;
  stop: () => Promise<void>;
};

type Keys = { secretKey: string; webhookSecret: string };

function loadKeys(dataDir?: string): Keys {
  const fresh = {
    secretKey: `sk_test_emulator_${randomBytes(12).toString("hex")}`,
    webhookSecret: `whsec_${randomBytes(24).toString("base64url")}`,
  };
  if (!dataDir) return fresh;
  const file = path.join(dataDir, "keys.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as Keys;
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(fresh, null, 2), { mode: 0o600 });
  return fresh;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function send(
  response: ServerResponse,
  status: number,
  body: string,
  type = "application/json",
  headers: Record<string, string> = {},
) {
  response.writeHead(status, { "content-type": type, ...headers });
  response.end(body);
}

const json = (response: ServerResponse, status: number, body: unknown) =>
  send(response, status, JSON.stringify(body));
const redirect = (response: ServerResponse, location: string) =>
  send(response, 303, "", "text/plain", { location });

function authorized(request: IncomingMessage, secretKey: string) {
  const given = Buffer.from((request.headers.authorization ?? "").replace(/^Bearer /, ""));
  const expected = Buffer.from(secretKey);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A local stand-in for api.stripe.com, its hosted Checkout page and its webhook deliveries. */
export async function startStripeEmulator(
  options: StripeEmulatorOptions,
): Promise<RunningStripeEmulator> {
  const keys = loadKeys(options.dataDir);
  const store = new StateStore(
    options.dataDir ? path.join(options.dataDir, "state.json") : undefined,
  );
  const log = options.log ?? (() => {});
  const sender = new WebhookSender({
    url: options.webhookUrl,
    secret: keys.webhookSecret,
    retryBaseMs: options.retryBaseMs ?? 2_000,
    maxAttempts: options.maxAttempts ?? 8,
    log,
  });
  const emulator = new StripeEmulator(store, sender);
  let faults = 0;
  let apiRequests = 0;

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const segments = url.pathname.split("/").filter(Boolean);
    const method = request.method ?? "GET";
    const app = emulator;
    try {
      if (segments[0] === "v1") {
        apiRequests += 1;
        if (!authorized(request, keys.secretKey)) {
          return json(response, 401, {
            error: { type: "invalid_request_error", message: "Invalid API Key provided." },
          });
        }
        if (faults > 0) {
          faults -= 1;
          return json(response, 500, {
            error: { type: "api_error", message: "Simulated outage." },
          });
        }
        const query = parseFormBody(url.search.slice(1));
        const params = method === "POST" ? parseFormBody(await readBody(request)) : query;
        const expand = (query.expand ?? params.expand ?? []) as string[];
        const [, resource, sub, id, child] = segments;
        if (resource === "checkout" && sub === "sessions") {
          if (!id && method === "POST")
            return json(response, 200, app.createCheckoutSession(params));
          if (!id && method === "GET")
            return json(
              response,
              200,
              app.listCheckoutSessions({
                payment_intent: query.payment_intent as string | undefined,
              }),
            );
          if (id && child === "line_items") return json(response, 200, app.listLineItems(id));
          if (id && child === "expire" && method === "POST")
            return json(response, 200, app.expireCheckoutSession(id));
          if (id && method === "GET")
            return json(response, 200, app.retrieveCheckoutSession(id, expand));
        }
        if (resource === "refunds" && method === "POST")
          return json(response, 200, app.refund(params as Json as { payment_intent?: string }));
        return json(response, 404, {
          error: {
            type: "invalid_request_error",
            message: `Unrecognized request URL (${method}: ${url.pathname}).`,
          },
        });
      }

      if (segments[0] === "checkout" && segments[1]) {
        const session = app.retrieveCheckoutSession(segments[1], ["line_items"]);
        const lineItems = (session.line_items as { data: Json[] }).data;
        if (session.status !== "open")
          return send(
            response,
            200,
            closedPage("This checkout is complete. You can close this page."),
            "text/html",
          );
        if (method === "GET")
          return send(response, 200, checkoutPage(session, lineItems), "text/html");
        const form = parseFormBody(await readBody(request)) as Record<string, string>;
        try {
          app.pay(session.id as string, {
            email: form.email ?? "",
            name: form.name,
            card: form.card,
            delayed: form.method === "delayed",
          });
        } catch (error) {
          if (error instanceof StripeApiError)
            return send(
              response,
              402,
              checkoutPage(session, lineItems, error.message),
              "text/html",
            );
          throw error;
        }
        return redirect(
          response,
          String(session.success_url).replace("{CHECKOUT_SESSION_ID}", session.id as string),
        );
      }

      if (segments[0] === "dashboard" && method === "POST") {
        const form = parseFormBody(await readBody(request)) as Record<string, string>;
        if (segments[1] === "refund") app.refund({ payment_intent: form.payment_intent });
        else if (segments[1] === "dispute")
          app.dispute({ payment_intent: form.payment_intent ?? "" });
        else if (segments[1] === "close-dispute")
          app.closeDispute(form.dispute ?? "", form.status === "lost" ? "lost" : "won");
        else if (segments[1] === "expire") app.expireCheckoutSession(form.session ?? "");
        else if (segments[1] === "settle")
          app.settleDelayedPayment(
            form.session ?? "",
            form.outcome === "failed" ? "failed" : "succeeded",
          );
        else if (segments[1] === "resend") await app.resend(form.event ?? "");
        // Show the result of the delivery on the dashboard, without waiting out a retry schedule.
        await Promise.race([
          sender.settled(),
          new Promise((resolve) => setTimeout(resolve, 5_000)),
        ]);
        return redirect(response, "/");
      }

      if (url.pathname === "/" && method === "GET") {
        const state = store.state;
        return send(
          response,
          200,
          dashboardPage(
            { ...state, sessions: Object.values(state.sessions) },
            { url: options.webhookUrl, secret: keys.webhookSecret },
          ),
          "text/html",
        );
      }
      return send(response, 404, "Not found", "text/plain");
    } catch (error) {
      if (error instanceof StripeApiError) {
        return json(response, error.status, {
          error: {
            type: error.status === 402 ? "card_error" : "invalid_request_error",
            message: error.message,
            code: error.code,
            param: error.param,
          },
        });
      }
      log(`error: ${error instanceof Error ? error.stack : String(error)}`);
      return json(response, 500, { error: { type: "api_error", message: "Emulator error" } });
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolve());
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  emulator.baseUrl = url;

  return {
    url,
    ...keys,
    emulator,
    settled: () => sender.settled(),
    setDelivery: (enabled) => {
      sender.paused = !enabled;
    },
    failNextRequests: (count) => {
      faults = count;
    },
    apiRequestCount: () => apiRequests,
    stop: async () => {
      sender.stop();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
