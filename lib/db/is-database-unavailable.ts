import "server-only";

// How the driver adapter (@prisma/adapter-pg) names a database it cannot talk to.
const UNAVAILABLE_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

// Prisma's codes for the same: can't reach, timed out, connection closed, pool timed out.
const UNAVAILABLE_PRISMA_CODES = new Set(["P1001", "P1002", "P1017", "P2024"]);

// PostgreSQL's own: shutting down, crashed, starting up or in recovery, out of connections.
const UNAVAILABLE_SQLSTATES = new Set(["57P01", "57P02", "57P03", "53300"]);

// What node-postgres throws without a code when a connection drops or never comes. A bare
// ECONNREFUSED is not enough: it may be Stripe or Resend that did not answer.
const UNAVAILABLE_MESSAGES = /^Connection terminated|^timeout exceeded when trying to connect/;

/**
 * Whether an error says the database could not be reached or dropped the connection: a fault that
 * passes by itself, worth a 503 and a retry rather than a 500. Looks through Prisma's wrapping
 * (`meta.driverAdapterError`) and the `cause` chain.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let depth = 0; depth < 5 && typeof error === "object" && error !== null; depth += 1) {
    const code = "code" in error ? error.code : undefined;
    if (typeof code === "string" && UNAVAILABLE_PRISMA_CODES.has(code)) return true;
    const adapterError = driverAdapterCause(error);
    if (adapterError) {
      if (UNAVAILABLE_KINDS.has(String(adapterError.kind))) return true;
      if (UNAVAILABLE_SQLSTATES.has(String(adapterError.originalCode))) return true;
    }
    if (typeof code === "string" && UNAVAILABLE_SQLSTATES.has(code)) return true;
    if (error instanceof Error && UNAVAILABLE_MESSAGES.test(error.message)) return true;
    error = "cause" in error ? error.cause : undefined;
  }
  return false;
}

/** `meta.driverAdapterError.cause` of a Prisma error, or the `cause` of a DriverAdapterError. */
function driverAdapterCause(error: object): { kind?: unknown; originalCode?: unknown } | undefined {
  const meta = "meta" in error ? error.meta : undefined;
  const wrapped =
    typeof meta === "object" && meta !== null && "driverAdapterError" in meta
      ? meta.driverAdapterError
      : error.constructor.name === "DriverAdapterError"
        ? error
        : undefined;
  const cause =
    typeof wrapped === "object" && wrapped !== null && "cause" in wrapped
      ? wrapped.cause
      : undefined;
  return typeof cause === "object" && cause !== null ? cause : undefined;
}
