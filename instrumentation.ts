// Reads and validates the configuration when the server starts, so a missing production secret
// stops `next start` with a message naming it instead of failing the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { config } = await import("@/lib/config");
    config();
  }
}
