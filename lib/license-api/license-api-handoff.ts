// How `npm start` (server.ts) gets the license API's node:http handler from Next's own bundle:
// instrumentation.ts publishes it on a process-wide symbol while Next starts, server.ts takes it.
// server.ts bundles this file, so it has no "server-only" and must import nothing from lib/:
// everything else server.ts uses comes from Next's bundle, one copy of the app per process.
import type { IncomingMessage, ServerResponse } from "node:http";

/** Answers the request when it is one of the license API's direct POSTs; null leaves it to Next. */
export type DirectLicenseApi = (
  request: IncomingMessage,
  response: ServerResponse,
) => Promise<void> | null;

// Symbol.for: the bundle and server.ts share the process, not their modules.
const HANDOFF: unique symbol = Symbol.for("keyfront.directLicenseApi");
type WithHandoff = typeof globalThis & { [HANDOFF]?: DirectLicenseApi };

export function publishDirectLicenseApi(handler: DirectLicenseApi) {
  (globalThis as WithHandoff)[HANDOFF] = handler;
}

export function takeDirectLicenseApi(): DirectLicenseApi {
  const handler = (globalThis as WithHandoff)[HANDOFF];
  if (!handler)
    throw new Error(
      "The license API handler was not published: instrumentation.ts did not run in this build.",
    );
  return handler;
}
