import Stripe from "stripe";
import type { Delivery, Json } from "./state";

const signer = new Stripe("sk_test_emulator_signer");

export type WebhookSenderOptions = {
  url: string;
  secret: string;
  // Delay before retry n is retryBaseMs * 2^(n-1); Stripe's own schedule is hours, ours seconds.
  retryBaseMs: number;
  maxAttempts: number;
  log: (line: string) => void;
};

/** Delivers each event signed as Stripe signs it, retrying non-2xx answers with backoff. */
export class WebhookSender {
  private timers = new Set<NodeJS.Timeout>();
  private inflight = new Set<Promise<void>>();
  private stopped = false;
  paused = false;

  constructor(private readonly options: WebhookSenderOptions) {}

  send(event: Json, delivery: Delivery, onChange: () => void) {
    if (this.paused) return Promise.resolve();
    const attempt = async () => {
      if (this.stopped) return;
      delivery.attempts += 1;
      const payload = JSON.stringify(event, null, 2);
      const header = signer.webhooks.generateTestHeaderString({
        payload,
        secret: this.options.secret,
      });
      try {
        const response = await fetch(this.options.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "stripe-signature": header,
            "user-agent": "Stripe/1.0 (+https://stripe.com/docs/webhooks)",
          },
          body: payload,
          signal: AbortSignal.timeout(30_000),
        });
        delivery.lastStatus = response.status;
        delivery.lastError = response.ok ? null : (await response.text()).slice(0, 500);
        delivery.delivered = response.ok;
      } catch (error) {
        delivery.lastStatus = null;
        delivery.lastError = error instanceof Error ? error.message : String(error);
      }
      onChange();
      this.options.log(
        `webhook ${delivery.type} ${delivery.eventId} attempt ${delivery.attempts}: ${delivery.delivered ? "delivered" : `failed (${delivery.lastStatus ?? delivery.lastError})`}`,
      );
      if (!delivery.delivered && delivery.attempts < this.options.maxAttempts && !this.stopped) {
        const timer = setTimeout(
          () => {
            this.timers.delete(timer);
            const retry = attempt().finally(() => this.inflight.delete(retry));
            this.inflight.add(retry);
          },
          this.options.retryBaseMs * 2 ** (delivery.attempts - 1),
        );
        this.timers.add(timer);
      }
    };
    const tracked = attempt().finally(() => this.inflight.delete(tracked));
    this.inflight.add(tracked);
    return tracked;
  }

  /** Resolves when every delivery started so far has succeeded or used up its retries. */
  async settled() {
    while (this.inflight.size > 0 || this.timers.size > 0) {
      if (this.inflight.size > 0) await Promise.all([...this.inflight]);
      else await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  stop() {
    this.stopped = true;
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }
}
