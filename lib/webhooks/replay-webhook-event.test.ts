import { expect, it } from "vitest";
import { db } from "@/lib/db";
import { createProduct } from "@/test/factories";
import {
  buy,
  describeWithStripeFixtures,
  fixtureEvent,
  postStripeEvent,
  testStripe,
} from "@/test/stripe";
import { replayWebhookEvent } from "./replay-webhook-event";

const admin = { type: "ADMIN", id: "admin-1", label: "owner@keyfront.test" } as const;

describeWithStripeFixtures("replaying a webhook event", () => {
  it("replays a failed webhook event through the same path once the cause is fixed", async () => {
    testStripe().setDelivery(false);
    const product = await createProduct();
    const { sessionId } = await buy({ tierId: product.tiers[0]!.id });
    testStripe().setDelivery(true);
    testStripe().failNextRequests(3);
    const event = fixtureEvent("checkout.session.completed.event.json", { id: sessionId });
    expect((await postStripeEvent(event)).status).toBe(503);
    const stored = await db.webhookEvent.findFirstOrThrow({ where: { providerEventId: event.id } });
    expect(stored.status).toBe("FAILED");

    expect(await replayWebhookEvent({ webhookEventId: stored.id, actor: admin })).toEqual({
      outcome: "processed",
    });
    expect(await replayWebhookEvent({ webhookEventId: stored.id, actor: admin })).toEqual({
      outcome: "processed",
    });
    expect(await db.license.count({ where: { purchase: { sourceOrderId: sessionId } } })).toBe(1);
    expect(
      await db.auditLog.count({ where: { entityId: stored.id, action: "webhook_event.replayed" } }),
    ).toBe(2);
  });
});
