import { kickEmailDelivery } from "@/lib/email/email-worker";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/error-response";
import { receiveStripeWebhook } from "@/lib/payments/receive-stripe-webhook";

// Stripe's events are a few kilobytes; anything near this is not from Stripe.
const MAX_BODY_BYTES = 1_000_000;

export async function POST(request: Request) {
  try {
    const payload = await request.text();
    if (Buffer.byteLength(payload) > MAX_BODY_BYTES) {
      throw new AppError("PAYLOAD_TOO_LARGE", "Webhook payload is too large.");
    }
    const result = await receiveStripeWebhook({
      payload,
      signature: request.headers.get("stripe-signature"),
    });
    // Emails queued by this event go out now; the outbox worker retries any that fail.
    void kickEmailDelivery();
    if (result.outcome === "failed" && result.retryable) {
      // A non-2xx answer is what makes Stripe deliver the event again later.
      return Response.json(
        { error: { code: "WEBHOOK_PROCESSING_FAILED", message: "Temporary failure; retry." } },
        { status: 503 },
      );
    }
    return Response.json({ received: true, outcome: result.outcome });
  } catch (error) {
    return errorResponse(error);
  }
}
