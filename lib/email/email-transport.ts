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
export type EmailTransport = (email: OutgoingEmail) => Promise<{ providerMessageId: string }>;

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

/** Local use without RESEND_API_KEY: the email stays in the outbox, readable in the admin email log. */
export const captureTransport: EmailTransport = async (email) => ({
  providerMessageId: `captured:${email.idempotencyKey}`,
});

/** Resend, with the outbox's idempotency key so a retried send is never delivered twice. */
export function resendTransport(options: { apiKey: string; from: string }): EmailTransport {
  const resend = new Resend(options.apiKey);
  return async (email) => {
    let result;
    try {
      result = await resend.emails.send(
        {
          from: options.from,
          to: email.to,
          subject: email.subject,
          html: email.html,
          text: email.text,
        },
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
        status !== null && status >= 400 && status < 500 && status !== 409 && status !== 429;
      throw new EmailSendError(
        `Resend ${status ?? "error"} ${result.error.name}: ${result.error.message}`,
        permanent,
      );
    }
    return { providerMessageId: result.data.id };
  };
}

let configured: EmailTransport | undefined;

export function configuredEmailTransport(): EmailTransport {
  const { resendApiKey, from } = config().email;
  configured ??= resendApiKey ? resendTransport({ apiKey: resendApiKey, from }) : captureTransport;
  return configured;
}
