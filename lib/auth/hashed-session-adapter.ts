import "server-only";
import { createHash } from "node:crypto";
import type { Adapter } from "next-auth/adapters";

/** What the Session table keeps instead of the token: sha256, hex. */
export function hashSessionToken(sessionToken: string): string {
  return createHash("sha256").update(sessionToken, "utf8").digest("hex");
}

/**
 * next-auth's adapter with sessions stored by the hash of their token: the cookie keeps the token,
 * the database only its hash, so a copy of the database signs nobody in. (Verification tokens
 * need nothing: next-auth stores them as sha256(token + secret) already.)
 */
export function withHashedSessionTokens(adapter: Adapter): Adapter {
  const { createSession, getSessionAndUser, updateSession, deleteSession } = adapter;
  if (!createSession || !getSessionAndUser || !updateSession || !deleteSession)
    throw new Error("The session adapter must implement database sessions.");
  return {
    ...adapter,
    async createSession(session) {
      const created = await createSession({
        ...session,
        sessionToken: hashSessionToken(session.sessionToken),
      });
      return { ...created, sessionToken: session.sessionToken };
    },
    async getSessionAndUser(sessionToken) {
      const found = await getSessionAndUser(hashSessionToken(sessionToken));
      return found && { ...found, session: { ...found.session, sessionToken } };
    },
    async updateSession(session) {
      const updated = await updateSession({
        ...session,
        sessionToken: hashSessionToken(session.sessionToken),
      });
      return updated && { ...updated, sessionToken: session.sessionToken };
    },
    async deleteSession(sessionToken) {
      await deleteSession(hashSessionToken(sessionToken));
    },
  };
}
