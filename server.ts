// `npm start`: the production server. Next serves everything, except that the license checks
// (POST validate, activate, deactivate) are answered here directly: the seller's software calls
// them far more often than people load pages, and skipping Next's router and render pipeline for
// them is most of what one instance can answer (`npm run bench`). The route handlers call the same
// endpoint functions, so both give the same answers.
import { createServer } from "node:http";
import next from "next";
import type { LicenseApiEndpoint } from "@/lib/api/license-api-endpoint";
import { config, ConfigError } from "@/lib/config";

// A missing production secret stops the server with the message that names it, not a stack trace.
try {
  config();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(1);
}

const { serveLicenseApi } = await import("@/lib/api/serve-license-api");
const { activateEndpoint, deactivateEndpoint, validateEndpoint } =
  await import("@/lib/licenses/license-api-endpoints");

const directPosts = new Map<string, LicenseApiEndpoint>([
  ["/api/v1/licenses/validate", validateEndpoint],
  ["/api/v1/licenses/activate", activateEndpoint],
  ["/api/v1/licenses/deactivate", deactivateEndpoint],
]);

const port = Number(process.env.PORT ?? 3000);

const app = next({ dev: false, hostname: "localhost", port });
await app.prepare();
const handleWithNext = app.getRequestHandler();

const server = createServer((request, response) => {
  const endpoint =
    request.method === "POST" ? directPosts.get(request.url?.split("?", 1)[0] ?? "") : undefined;
  const served = endpoint
    ? serveLicenseApi(endpoint, request, response)
    : handleWithNext(request, response);
  served.catch((error: unknown) => {
    console.error(error);
    if (!response.headersSent) response.writeHead(500);
    response.end();
  });
});

server.listen(port, () => console.log(`Keyfront on http://localhost:${port}`));

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    server.close();
    void app.close().finally(() => process.exit(0));
  });
}
