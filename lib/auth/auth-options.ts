import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { syncStoredRole } from "./admin-role";
import { withHashedSessionTokens } from "./hashed-session-adapter";
import { SIGN_IN_LINK_MINUTES, sendSignInLink } from "./send-sign-in-link";

type AdapterClient = Parameters<typeof PrismaAdapter>[0];

export function normalizeEmail(identifier: string): string {
  const email = identifier.trim().toLowerCase();
  if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email) || email.length > 254)
    throw new Error("Invalid email address");
  return email;
}

// next-auth builds its links from NEXTAUTH_URL: the same public URL as everything else.
process.env.NEXTAUTH_URL ??= config().appUrl;

export const authOptions: NextAuthOptions = {
  adapter: withHashedSessionTokens(PrismaAdapter(db as unknown as AdapterClient)),
  secret: config().authSecret,
  session: { strategy: "database", maxAge: 30 * 24 * 3600 },
  providers: [
    EmailProvider({
      // Never used: sendVerificationRequest delivers through the outbox.
      server: "smtp://localhost:25",
      from: config().email.from,
      maxAge: SIGN_IN_LINK_MINUTES * 60,
      normalizeIdentifier: normalizeEmail,
      sendVerificationRequest: ({ identifier, url }) => sendSignInLink({ email: identifier, url }),
    }),
  ],
  pages: { signIn: "/signin", verifyRequest: "/signin/check-email", error: "/signin/error" },
  callbacks: {
    // Runs on every session read: the role is decided now, from ADMIN_EMAILS as configured now.
    session: async ({ session, user }) => ({
      ...session,
      user: { ...session.user, id: user.id, email: user.email!, role: await syncStoredRole(user) },
    }),
  },
  events: {
    async signIn({ user }) {
      if (user.email) await syncStoredRole({ id: user.id, email: user.email, role: user.role });
    },
  },
};
