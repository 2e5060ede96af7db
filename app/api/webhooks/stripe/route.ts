import { readBodyBytes } from "@/lib/http/read-body-bytes";
import { errorResponse } from "@/lib/errors/error-response";
import { receiveStripeWebhook } from "@/lib/webhooks/stripe/receive-stripe-webhook";

// Stripe's events are a few kilobytes; anything near this is not from Stripe.
const MAX_BODY_BYTES = 1_000_000;

export async function POST(request: Request) {
  try {
    const payload = Buffer.from(await readBodyBytes(request, MAX_BODY_BYTES)).toString("utf8");
    const result = await receiveStripeWebhook({
      payload,
      signature: request.headers.get("stripe-signature"),
    });
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
