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

/** How long a call to Resend may take before it counts as a transient failure. */
export const RESEND_TIMEOUT_MS = 10_000;

/**
 * Resend, with the outbox's idempotency key so a retried send is never delivered twice. A call
 * that has not answered within timeoutMs is abandoned and retried later: if Resend did accept it,
 * the retry carries the same idempotency key and is not delivered again.
 */
export function resendTransport(options: {
  apiKey: string;
  from: string;
  timeoutMs?: number;
}): EmailTransport {
  const resend = new Resend(options.apiKey);
  const timeoutMs = options.timeoutMs ?? RESEND_TIMEOUT_MS;
  return async (email) => {
    const signal = AbortSignal.timeout(timeoutMs);
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
        { idempotencyKey: email.idempotencyKey, signal },
      );
    } catch (error) {
      throw new EmailSendError(
        `Resend unreachable: ${error instanceof Error ? error.message : String(error)}`,
        false,
      );
    }
    if (result.error) {
      // The SDK reports an aborted call as "could not be resolved": say what it was.
      if (signal.aborted)
        throw new EmailSendError(`Resend did not answer within ${timeoutMs} ms`, false);
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
