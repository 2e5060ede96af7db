// server.ts bundles this file, so it has no "server-only" and imports nothing from lib/.
import type { IncomingMessage } from "node:http";

type Incoming = Pick<IncomingMessage, "headers"> & { socket: { remoteAddress?: string } };

/**
 * The socket's remote address of a request, as the production server (server.ts) hands it to
 * Next: route handlers, server actions and pages never see the socket. Only trusted once the
 * server has stamped a request, since it removes any copy a client sent; under `next dev` or
 * `next start`, which do not stamp, the header is whatever the client sent and is ignored.
 */
export const CLIENT_ADDRESS_HEADER = "x-keyfront-client-ip";

// On globalThis, not in this module: server.ts and the routes Next bundles load separate copies.
const STAMPING = Symbol.for("keyfront.client-address-header");

type Stamping = { [STAMPING]?: true };

/** server.ts, for every request before Next sees it: the socket's address, never the client's. */
export function stampClientAddress(request: Incoming): void {
  (globalThis as Stamping)[STAMPING] = true;
  delete request.headers[CLIENT_ADDRESS_HEADER];
  const address = request.socket.remoteAddress;
  if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
}

/** The address server.ts stamped, or undefined when no server stamps requests in this process. */
export function stampedClientAddress(headers: {
  get(name: string): string | null;
}): string | undefined {
  if (!(globalThis as Stamping)[STAMPING]) return undefined;
  return headers.get(CLIENT_ADDRESS_HEADER) ?? undefined;
}
