// `npm start`: the production server, compiled to .next/keyfront-server.mjs by `npm run build` and
// run with plain node. Next serves everything, except that the license checks (POST validate,
// activate, deactivate) are answered here directly: the seller's software calls them far more
// often than people load pages, and skipping Next's router and render pipeline for them is most of
// what one instance can answer (`npm run bench`). The handler for them comes from Next's own bundle
// (instrumentation.ts publishes it), so the process holds one copy of the app: one configuration,
// one Prisma client, one connection pool.
import {
  createServer,
  type IncomingMessage,
  type RequestListener,
  type ServerResponse,
} from "node:http";
import type { AddressInfo } from "node:net";
import next from "next";
import { stampClientAddress } from "@/lib/http/client-address-header";
import { takeDirectLicenseApi } from "@/lib/license-api/license-api-handoff";

const port = Number(process.env.PORT ?? 3000);

/** A request listener for `handle`: an error it throws is logged and answered 500. */
function listener(
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<void>,
): RequestListener {
  return (request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  };
}

function pathDecodes(url: string): boolean {
  try {
    decodeURIComponent(url.split("?")[0]!);
    return true;
  } catch {
    return false;
  }
}

/**
 * In production Next runs instrumentation.ts at the first request it handles, not in prepare():
 * one request on a private port makes it run (and stop the process on a missing secret) before the
 * public port opens.
 */
async function runInstrumentation(handle: RequestListener) {
  const probe = createServer(handle);
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  try {
    await fetch(`http://127.0.0.1:${(probe.address() as AddressInfo).port}/api/health`);
  } finally {
    probe.close();
    probe.closeAllConnections();
  }
}

const app = next({ dev: false, hostname: "localhost", port });
await app.prepare();
const handleWithNext = app.getRequestHandler();
await runInstrumentation(listener(handleWithNext));
const answerDirectly = takeDirectLicenseApi();

const server = createServer(
  listener((request, response) => {
    // Route handlers and pages never see the socket: they read its address from this header.
    stampClientAddress(request);
    // Next answers a path that does not percent-decode (`%ZZ`, a lone surrogate) with a 500; no
    // page or file has such a name, so it is a 404 like any other unknown path.
    if (!pathDecodes(request.url ?? "/")) {
      response.writeHead(404, { "Content-Type": "application/json" });
      response.end(
        JSON.stringify({
          error: { code: "NOT_FOUND", message: "The path is not valid percent-encoded UTF-8." },
        }),
      );
      return Promise.resolve();
    }
    return answerDirectly(request, response) ?? handleWithNext(request, response);
  }),
);

server.listen(port, () => console.log(`Keyfront on http://localhost:${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
