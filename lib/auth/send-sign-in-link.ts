import "server-only";
import { createHash } from "node:crypto";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { kickEmailDelivery } from "@/lib/email/email-worker";

export const SIGN_IN_LINK_MINUTES = 15;

/** Sends a magic link through the outbox; in local use (no Resend) it is also printed to the log. */
export async function sendSignInLink(options: { email: string; url: string }) {
  const { email: emailConfig, appUrl } = config();
  await db.$transaction((tx) =>
    enqueueEmail(tx, {
      idempotencyKey: `sign-in:${createHash("sha256").update(options.url).digest("hex")}`,
      to: options.email,
      template: "sign-in-link",
      props: {
        url: options.url,
        host: new URL(appUrl).host,
        expiresInMinutes: SIGN_IN_LINK_MINUTES,
      },
    }),
  );
  if (!emailConfig.resendApiKey)
    console.log(`[keyfront] sign-in link for ${options.email}: ${options.url}`);
  // Delivery runs in the background: the sign-in request never waits for the provider.
  kickEmailDelivery();
}
