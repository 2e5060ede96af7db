import "server-only";
import Stripe from "stripe";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

/** How far a signature's timestamp may be from our clock, either way: Stripe's own default. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

// What Keyfront needs of every event before it is stored: the id it is deduplicated on, the type
// it is dispatched on and the object it carries. Everything else is kept as Stripe sent it.
const stripeEventSchema = z.looseObject({
  id: z.string().min(1).max(255),
  object: z.literal("event"),
  type: z.string().min(1).max(255),
  data: z.looseObject({ object: z.looseObject({}) }),
});

export type VerifiedStripeEvent = z.infer<typeof stripeEventSchema>;

/**
 * A delivery's body, once its Stripe-Signature header proves Stripe signed it within
 * `SIGNATURE_TOLERANCE_SECONDS` of `now`, and once it is an event. stripe-node refuses signatures
 * that are too old but accepts any dated in the future, so the future side is checked here.
 */
export function verifyStripeEvent(options: {
  payload: string;
  signature: string | null;
  secret: string;
  now?: Date;
}): VerifiedStripeEvent {
  const nowMs = (options.now ?? new Date()).getTime();
  const header = options.signature ?? "";
  let body: unknown;
  try {
    body = Stripe.webhooks.constructEvent(
      options.payload,
      header,
      options.secret,
      SIGNATURE_TOLERANCE_SECONDS,
      undefined,
      nowMs,
    );
  } catch (error) {
    if (!(error instanceof Stripe.errors.StripeSignatureVerificationError)) {
      // Raised parsing a body whose signature matched: Stripe signed it, but it is no event.
      throw notAnEvent();
    }
    // Only raised once a signature matched: the body is Stripe's, but not from now.
    if (error.message.startsWith("Timestamp outside the tolerance")) throw outsideTolerance("old");
    throw new AppError(
      "INVALID_SIGNATURE",
      "The Stripe-Signature header does not match this payload.",
      { cause: error },
    );
  }
  const signedAt = signatureTimestamp(header);
  if (signedAt - Math.floor(nowMs / 1000) > SIGNATURE_TOLERANCE_SECONDS)
    throw outsideTolerance("future");

  const event = stripeEventSchema.safeParse(body);
  if (!event.success) throw notAnEvent();
  return event.data;
}

/** The `t=` of a header that passed verification; like stripe-node, the last one counts. */
function signatureTimestamp(header: string): number {
  const stamps = header
    .split(",")
    .map((item) => item.split("="))
    .filter(([key]) => key === "t");
  return Number.parseInt(stamps.at(-1)?.[1] ?? "", 10);
}

function outsideTolerance(side: "old" | "future") {
  const when = side === "old" ? "ago" : "in the future";
  return new AppError(
    "INVALID_SIGNATURE",
    `The Stripe-Signature timestamp is outside the tolerance: signed more than ${SIGNATURE_TOLERANCE_SECONDS / 60} minutes ${when}. Check this server's clock.`,
  );
}

const notAnEvent = () =>
  new AppError(
    "INVALID_WEBHOOK_EVENT",
    'The body is not a Stripe event: it needs a string id, object "event", a type and data.object.',
  );
