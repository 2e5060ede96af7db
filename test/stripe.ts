import { randomBytes } from "node:crypto";
import Stripe from "stripe";
import { createCheckoutSession } from "@/lib/payments/create-checkout-session";
import { describeWithSharedFixtures, readSharedJson } from "./shared-fixtures";
import { testStripe } from "./stripe-context";

export { testStripe };

const signer = new Stripe("sk_test_signer");

/**
 * `describe` for tests that post Stripe's real events (`fixtureEvent`): without
 * ../shared/fixtures/stripe the suite is skipped, and says so.
 */
export const describeWithStripeFixtures = (name: string, tests: () => void) =>
  describeWithSharedFixtures("stripe", name, tests);

/** A real Stripe event from ../shared/fixtures/stripe with a new id and `object` merged into its data. */
export function fixtureEvent(file: string, object: Record<string, unknown>, type?: string) {
  const fixture = readSharedJson<{ type: string; data: { object: Record<string, unknown> } }>(
    "stripe",
    file,
  );
  return {
    ...fixture,
    id: `evt_test_${randomBytes(10).toString("hex")}`,
    type: type ?? fixture.type,
    data: { object: { ...fixture.data.object, ...object } },
  };
}

/** Delivers an event to the webhook route the way Stripe does: raw JSON body, signed header. */
export async function postStripeEvent(
  event: unknown,
  options: { secret?: string; timestamp?: number; signature?: string } = {},
): Promise<Response> {
  const payload = JSON.stringify(event, null, 2);
  const signature =
    options.signature ??
    signer.webhooks.generateTestHeaderString({
      payload,
      secret: options.secret ?? testStripe().webhookSecret,
      timestamp: options.timestamp,
    });
  const { POST } = await import("@/app/api/webhooks/stripe/route");
  return POST(
    new Request("http://localhost/api/webhooks/stripe", {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signature },
      body: payload,
    }),
  );
}

/** Starts a checkout for a tier and pays it on the emulator, as a buyer would. */
export async function buy(options: {
  tierId: string;
  email?: string;
  name?: string;
  delayed?: boolean;
}) {
  const { url } = await createCheckoutSession({ tierId: options.tierId });
  const sessionId = url.split("/").pop()!;
  const session = testStripe().emulator.pay(sessionId, {
    email: options.email ?? `buyer-${randomBytes(4).toString("hex")}@example.com`,
    name: options.name,
    delayed: options.delayed,
  });
  await testStripe().settled();
  return { sessionId, paymentIntentId: session.payment_intent as string };
}
