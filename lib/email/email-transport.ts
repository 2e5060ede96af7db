import "server-only";
import { Resend } from "resend";
import { config } from "@/lib/config";

export type OutgoingEmail = {
  idempotencyKey: string;
  to: string;
  subject: string;
  html: string;
  text: string;
};

export class EmailSendError extends Error {
  override name = "EmailSendError";
  constructor(
    message: string,
    // A permanent failure (invalid address, rejected sender) is not retried.
    readonly permanent: boolean,
  ) {
    super(message);
  }
}

let resend: Resend | undefined;

/**
 * Sends through Resend when RESEND_API_KEY is set. Without it (local use) the email is captured:
 * it stays in the outbox, readable in the admin email log, and is never sent anywhere.
 */
export async function sendEmail(email: OutgoingEmail): Promise<{ providerMessageId: string }> {
  const { resendApiKey, from } = config().email;
  if (!resendApiKey) return { providerMessageId: `captured:${email.idempotencyKey}` };

  resend ??= new Resend(resendApiKey);
  let result;
  try {
    result = await resend.emails.send(
      { from, to: email.to, subject: email.subject, html: email.html, text: email.text },
      { idempotencyKey: email.idempotencyKey },
    );
  } catch (error) {
    throw new EmailSendError(
      `Resend unreachable: ${error instanceof Error ? error.message : String(error)}`,
      false,
    );
  }
  if (result.error) {
    const status = result.error.statusCode;
    const permanent =
      status !== null && status >= 400 && status < 500 && status !== 429 && status !== 409;
    throw new EmailSendError(
      `Resend ${status ?? "error"} ${result.error.name}: ${result.error.message}`,
      permanent,
    );
  }
  return { providerMessageId: result.data.id };
}
