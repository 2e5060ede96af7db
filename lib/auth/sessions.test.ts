import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { Socket } from "node:net";
import path from "node:path";
import { getServerSession } from "next-auth";
import { describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { uniqueSuffix } from "@/test/factories";
import { csrfFromNextAuth } from "@/test/sign-in";
import { authOptions } from "./auth-options";
import { viewerOf } from "./viewer";

const SESSION_COOKIE = "next-auth.session-token";

type AuthRequest = {
  method: "GET" | "POST";
  action: "signin" | "callback";
  providerId: string;
  cookies?: Record<string, string>;
  query?: Record<string, string>;
  body?: Record<string, string>;
};
type AuthCookie = { name: string; value: string };

// next-auth's own request handler, the one its route handler calls once Next has parsed the
// request (not exported by the package, so loaded by its file, as test/sign-in.ts does).
const { AuthHandler } = createRequire(import.meta.url)(
  path.resolve("node_modules/next-auth/core/index.js"),
) as {
  AuthHandler: (params: {
    req: AuthRequest & { headers: Record<string, string> };
    options: typeof authOptions;
  }) => Promise<{ cookies?: AuthCookie[]; redirect?: string }>;
};

const nextAuth = (req: AuthRequest) =>
  AuthHandler({ req: { headers: {}, ...req }, options: authOptions });

/** The viewer requireAdmin and requireCustomer see for a request with this session cookie. */
async function viewerFor(sessionToken: string) {
  const request = Object.assign(new IncomingMessage(new Socket()), {
    cookies: { [SESSION_COOKIE]: sessionToken },
  });
  return viewerOf(await getServerSession(request, new ServerResponse(request), authOptions));
}

/** A session for `email` created the way next-auth creates one after a sign-in link. */
async function openSession(email: string) {
  const user = await db.user.create({ data: { email } });
  const sessionToken = randomBytes(32).toString("hex");
  await authOptions.adapter!.createSession!({
    sessionToken,
    userId: user.id,
    expires: new Date(Date.now() + 3_600_000),
  });
  return { user, sessionToken };
}

/** Asks for a sign-in link through next-auth and returns the link the outbox holds. */
async function requestSignInLink(email: string) {
  const { cookieHeader, csrfToken } = csrfFromNextAuth();
  const [name, value] = cookieHeader.split("=") as [string, string];
  await nextAuth({
    method: "POST",
    action: "signin",
    providerId: "email",
    cookies: { [name]: decodeURIComponent(value) },
    body: { email, csrfToken, callbackUrl: "/account" },
  });
  const message = await db.emailMessage.findFirstOrThrow({
    where: { to: email, template: "sign-in-link" },
  });
  return new URL(message.text.match(/http:\/\/\S+\/api\/auth\/callback\/email\?[^\s)\]]+/)![0]);
}

describe("sessions", () => {
  it("stores only a hash of the session token, and the cookie's token still signs in", async () => {
    const email = `session-${uniqueSuffix()}@example.com`;
    const link = await requestSignInLink(email);
    const callback = await nextAuth({
      method: "GET",
      action: "callback",
      providerId: "email",
      query: Object.fromEntries(link.searchParams),
    });
    const sessionToken = callback.cookies?.find((cookie) => cookie.name === SESSION_COOKIE)?.value;
    expect(sessionToken).toBeTruthy();

    const stored = await db.session.findMany({ where: { user: { email } } });
    expect(stored).toHaveLength(1);
    const dump = JSON.stringify(await db.$queryRaw`SELECT * FROM "Session"`);
    expect(dump).not.toContain(sessionToken);

    expect((await viewerFor(sessionToken!))?.email).toBe(email);
    // The stored value is no key: presented as a cookie it signs nobody in.
    expect(await viewerFor(stored[0]!.sessionToken)).toBeNull();
  });

  it("keeps the sessions open before tokens were hashed: the migration hashes them", async () => {
    const email = `before-${uniqueSuffix()}@example.com`;
    const user = await db.user.create({ data: { email } });
    const sessionToken = randomBytes(32).toString("hex");
    // A row as the code before this stored it: the cookie's token in clear.
    const row = await db.session.create({
      data: { sessionToken, userId: user.id, expires: new Date(Date.now() + 3_600_000) },
    });
    const migration = readFileSync(
      path.resolve("prisma/migrations/20261125110000_secrets_at_rest/migration.sql"),
      "utf8",
    );
    const hashStep = migration.match(/^UPDATE "Session" SET [^;]+;/m)![0];
    await db.$executeRawUnsafe(hashStep.replace(/;$/, ` WHERE id = '${row.id}';`));

    expect(JSON.stringify(await db.session.findUnique({ where: { id: row.id } }))).not.toContain(
      sessionToken,
    );
    expect((await viewerFor(sessionToken))?.email).toBe(email);
  });

  it("keeps next-auth's verification tokens hashed (next-auth hashes them with the secret)", async () => {
    const email = `verify-${uniqueSuffix()}@example.com`;
    const token = (await requestSignInLink(email)).searchParams.get("token")!;
    const stored = await db.verificationToken.findFirstOrThrow({ where: { identifier: email } });
    expect(stored.token).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.token).not.toContain(token);
  });

  it("makes a session admin only while ADMIN_EMAILS lists its email, on every request", async () => {
    const email = `admin-${uniqueSuffix()}@keyfront.test`;
    const { user, sessionToken } = await openSession(email);
    const adminEmails = config().adminEmails;
    try {
      config().adminEmails = [...adminEmails, email];
      expect((await viewerFor(sessionToken))?.role).toBe("ADMIN");

      config().adminEmails = adminEmails;
      expect((await viewerFor(sessionToken))?.role).toBe("CUSTOMER");
      // The stored role follows, so nothing that reads it sees a stale admin.
      expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe("CUSTOMER");
    } finally {
      config().adminEmails = adminEmails;
    }
  });

  it("takes admin rights from an admin made in the database but not in ADMIN_EMAILS", async () => {
    const { user, sessionToken } = await openSession(`db-admin-${uniqueSuffix()}@example.com`);
    await db.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
    expect((await viewerFor(sessionToken))?.role).toBe("CUSTOMER");
  });
});
