import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { NextAuthOptions } from "next-auth";
import EmailProvider from "next-auth/providers/email";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
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
  adapter: PrismaAdapter(db as unknown as AdapterClient),
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
    session: ({ session, user }) => ({
      ...session,
      user: { ...session.user, id: user.id, email: user.email!, role: user.role ?? "CUSTOMER" },
    }),
  },
  events: {
    // ADMIN_EMAILS promotes on sign-in; an admin made in the database stays one.
    async signIn({ user }) {
      if (
        user.email &&
        config().adminEmails.includes(user.email.toLowerCase()) &&
        user.role !== "ADMIN"
      ) {
        await db.user.update({ where: { id: user.id }, data: { role: "ADMIN" } });
      }
    },
  },
};
