import { expect, it } from "vitest";
import { AppError } from "@/lib/errors/app-error";
import {
  describeWithSharedFixtures,
  readSharedFixture,
  readSharedJson,
} from "@/test/shared-fixtures";
import { verifyStripeEvent } from "./verify-stripe-event";

// A genuine delivery signed by Stripe in 2020 (see stripe-corpus/SOURCES.md and SIGNATURE.md §8):
// its exact bytes, its Stripe-Signature header and the test-mode endpoint secret it was signed with.
type KnownAnswer = { stripe_signature_header: string; webhook_secret: string; timestamp: number };

/** The delivery as it reached Odoo's endpoint, and when Stripe signed it (read when a test runs). */
function knownAnswer() {
  const meta = readSharedJson<KnownAnswer>(
    "stripe-corpus",
    "kat.checkout.session.completed.meta.json",
  );
  const payload = readSharedFixture(
    "stripe-corpus",
    "kat.checkout.session.completed.body.json",
  ).toString("utf8");
  return {
    delivery: { payload, signature: meta.stripe_signature_header, secret: meta.webhook_secret },
    signedAt: meta.timestamp * 1000,
  };
}

describeWithSharedFixtures("stripe-corpus", "a delivery Stripe really signed", () => {
  it("verifies with the clock at its signing time, up to five minutes either side", () => {
    const { delivery, signedAt } = knownAnswer();
    for (const offsetSeconds of [0, 300, -300]) {
      const event = verifyStripeEvent({
        ...delivery,
        now: new Date(signedAt + offsetSeconds * 1000),
      });
      expect(event).toMatchObject({
        id: "evt_1GqFpHAlCFm536g8NYSLoccF",
        type: "checkout.session.completed",
      });
    }
  });

  it("is refused as stale today, and as dated in the future before it was signed", () => {
    const { delivery, signedAt } = knownAnswer();
    for (const [now, message] of [
      [new Date(), /outside the tolerance: signed more than 5 minutes ago/],
      [new Date(signedAt + 301_000), /outside the tolerance: signed more than 5 minutes ago/],
      [
        new Date(signedAt - 301_000),
        /outside the tolerance: signed more than 5 minutes in the future/,
      ],
    ] as const) {
      const error = (() => {
        try {
          verifyStripeEvent({ ...delivery, now });
        } catch (caught) {
          return caught;
        }
      })();
      expect(error, now.toISOString()).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe("INVALID_SIGNATURE");
      expect((error as AppError).message).toMatch(message);
    }
  });

  it("does not match once a byte of the body changes", () => {
    const { delivery, signedAt } = knownAnswer();
    expect(() =>
      verifyStripeEvent({
        ...delivery,
        payload: delivery.payload.replace("1500", "10"),
        now: new Date(signedAt),
      }),
    ).toThrow("The Stripe-Signature header does not match this payload.");
  });
});
