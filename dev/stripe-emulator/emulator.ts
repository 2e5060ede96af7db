import { nowSeconds, stripeId } from "./ids";
import type { Delivery, Json, StateStore } from "./state";
import type { WebhookSender } from "./webhook-sender";

export class StripeApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly param?: string,
  ) {
    super(message);
  }
}

type LineItemParams = {
  quantity?: string;
  price?: string;
  price_data?: {
    currency?: string;
    unit_amount?: string;
    product?: string;
    product_data?: { name?: string; description?: string };
  };
};

export type PayOptions = { email: string; name?: string; card?: string; delayed?: boolean };

export const DECLINED_CARD = "4000000000000002";

const API_VERSION = "2026-10-28.endive";

/** The Stripe behaviour Keyfront relies on: Checkout Sessions, payments, refunds and disputes. */
export class StripeEmulator {
  // Where the hosted checkout pages are served; known once the server listens.
  baseUrl = "";

  constructor(
    private readonly store: StateStore,
    private readonly sender: WebhookSender,
  ) {}

  private get state() {
    return this.store.state;
  }

  createCheckoutSession(params: Json): Json {
    if (params.mode !== "payment")
      throw new StripeApiError(
        400,
        "Only mode=payment is supported here.",
        "parameter_invalid_empty",
        "mode",
      );
    const items = params.line_items as LineItemParams[] | undefined;
    if (!Array.isArray(items) || items.length === 0) {
      throw new StripeApiError(
        400,
        "line_items must contain at least one item.",
        "parameter_missing",
        "line_items",
      );
    }
    for (const url of ["success_url", "cancel_url"] as const) {
      if (typeof params[url] === "string" && !/^https?:\/\//.test(params[url] as string)) {
        throw new StripeApiError(400, `Not a valid URL`, "url_invalid", url);
      }
    }
    const id = stripeId("cs_test", 58);
    const lineItems = items.map((item, index) => {
      const data = item.price_data;
      if (!data?.currency || data.unit_amount === undefined) {
        throw new StripeApiError(
          400,
          "Each line item needs price_data with currency and unit_amount.",
          "parameter_missing",
          `line_items[${index}][price_data]`,
        );
      }
      const quantity = Number(item.quantity ?? 1);
      const unitAmount = Number(data.unit_amount);
      if (
        !Number.isInteger(unitAmount) ||
        unitAmount < 0 ||
        !Number.isInteger(quantity) ||
        quantity < 1
      ) {
        throw new StripeApiError(
          400,
          "Invalid integer",
          "parameter_invalid_integer",
          `line_items[${index}]`,
        );
      }
      const currency = data.currency.toLowerCase();
      return {
        id: stripeId("li"),
        object: "item",
        amount_discount: 0,
        amount_subtotal: unitAmount * quantity,
        amount_tax: 0,
        amount_total: unitAmount * quantity,
        currency,
        description: data.product_data?.name ?? null,
        quantity,
        price: {
          id: stripeId("price"),
          object: "price",
          active: false,
          currency,
          livemode: false,
          product: data.product ?? stripeId("prod", 14),
          type: "one_time",
          unit_amount: unitAmount,
          unit_amount_decimal: String(unitAmount),
        },
      };
    });
    const currency = lineItems[0]!.currency;
    const total = lineItems.reduce((sum, item) => sum + item.amount_total, 0);
    const created = nowSeconds();
    const session: Json = {
      id,
      object: "checkout.session",
      mode: "payment",
      status: "open",
      payment_status: "unpaid",
      url: `${this.baseUrl}/checkout/${id}`,
      success_url: params.success_url ?? null,
      cancel_url: params.cancel_url ?? null,
      currency,
      amount_subtotal: total,
      amount_total: total,
      total_details: { amount_discount: 0, amount_shipping: 0, amount_tax: 0 },
      customer: null,
      customer_email: (params.customer_email as string | undefined) ?? null,
      customer_details: null,
      client_reference_id: (params.client_reference_id as string | undefined) ?? null,
      metadata: (params.metadata as Json | undefined) ?? {},
      payment_intent: null,
      payment_method_types: ["card"],
      livemode: false,
      created,
      expires_at: created + 24 * 3600,
    };
    this.state.sessions[id] = session;
    this.state.lineItems[id] = lineItems;
    this.store.save();
    return session;
  }

  retrieveCheckoutSession(id: string, expand: string[] = []): Json {
    const session = this.state.sessions[id];
    if (!session)
      throw new StripeApiError(404, `No such checkout.session: '${id}'`, "resource_missing", "id");
    return expand.includes("line_items")
      ? { ...session, line_items: this.listLineItems(id) }
      : session;
  }

  listLineItems(id: string): Json {
    this.retrieveCheckoutSession(id);
    return {
      object: "list",
      data: this.state.lineItems[id] ?? [],
      has_more: false,
      url: `/v1/checkout/sessions/${id}/line_items`,
    };
  }

  listCheckoutSessions(filter: { payment_intent?: string }): Json {
    const data = Object.values(this.state.sessions).filter(
      (session) => !filter.payment_intent || session.payment_intent === filter.payment_intent,
    );
    return { object: "list", data, has_more: false, url: "/v1/checkout/sessions" };
  }

  /** The hosted checkout page's Pay button. Throws a card error for the declined test card. */
  pay(sessionId: string, options: PayOptions): Json {
    const session = this.retrieveCheckoutSession(sessionId);
    if (session.status !== "open")
      throw new StripeApiError(
        400,
        "This Checkout Session is no longer open.",
        "checkout_session_not_open",
      );
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(options.email))
      throw new StripeApiError(400, "Enter a valid email address.", "email_invalid");
    const card = (options.card ?? "4242424242424242").replace(/\s/g, "");
    if (card === DECLINED_CARD)
      throw new StripeApiError(402, "Your card was declined.", "card_declined");

    const paymentIntentId = stripeId("pi");
    const chargeId = stripeId("ch");
    const amount = session.amount_total as number;
    const currency = session.currency as string;
    const delayed = options.delayed === true;
    this.state.paymentIntents[paymentIntentId] = {
      id: paymentIntentId,
      object: "payment_intent",
      amount,
      currency,
      status: delayed ? "processing" : "succeeded",
      latest_charge: chargeId,
      metadata: session.metadata,
      livemode: false,
      created: nowSeconds(),
    };
    this.state.charges[chargeId] = {
      id: chargeId,
      object: "charge",
      amount,
      amount_captured: delayed ? 0 : amount,
      amount_refunded: 0,
      currency,
      paid: !delayed,
      status: delayed ? "pending" : "succeeded",
      refunded: false,
      disputed: false,
      payment_intent: paymentIntentId,
      billing_details: { email: options.email, name: options.name ?? null },
      livemode: false,
      created: nowSeconds(),
    };
    Object.assign(session, {
      status: "complete",
      payment_status: delayed ? "unpaid" : "paid",
      payment_intent: paymentIntentId,
      customer_details: {
        email: options.email,
        name: options.name || null,
        address: null,
        phone: null,
        tax_exempt: "none",
        tax_ids: [],
      },
    });
    this.store.save();
    this.emit("checkout.session.completed", session);
    return session;
  }

  /** A delayed payment method (bank transfer, SEPA) settling later. */
  settleDelayedPayment(sessionId: string, outcome: "succeeded" | "failed"): Json {
    const session = this.retrieveCheckoutSession(sessionId);
    const intent = this.state.paymentIntents[session.payment_intent as string];
    if (session.status !== "complete" || session.payment_status !== "unpaid" || !intent) {
      throw new StripeApiError(400, "This session has no payment waiting to settle.");
    }
    const charge = this.state.charges[intent.latest_charge as string]!;
    if (outcome === "succeeded") {
      session.payment_status = "paid";
      intent.status = "succeeded";
      Object.assign(charge, { paid: true, status: "succeeded", amount_captured: charge.amount });
    } else {
      intent.status = "requires_payment_method";
      Object.assign(charge, { status: "failed", failure_code: "insufficient_funds" });
    }
    this.store.save();
    this.emit(`checkout.session.async_payment_${outcome}`, session);
    return session;
  }

  refund(params: { payment_intent?: string; charge?: string; amount?: string }): Json {
    const charge = this.chargeFor(params);
    const remaining = (charge.amount as number) - (charge.amount_refunded as number);
    const amount = params.amount === undefined ? remaining : Number(params.amount);
    if (charge.status !== "succeeded" || remaining <= 0) {
      throw new StripeApiError(
        400,
        `Charge ${charge.id as string} has already been refunded.`,
        "charge_already_refunded",
      );
    }
    if (!Number.isInteger(amount) || amount <= 0 || amount > remaining) {
      throw new StripeApiError(
        400,
        `Refund amount must be between 1 and ${remaining}.`,
        "amount_too_large",
        "amount",
      );
    }
    charge.amount_refunded = (charge.amount_refunded as number) + amount;
    charge.refunded = charge.amount_refunded === charge.amount;
    const refund = {
      id: stripeId("re"),
      object: "refund",
      amount,
      charge: charge.id,
      currency: charge.currency,
      payment_intent: charge.payment_intent,
      status: "succeeded",
      created: nowSeconds(),
    };
    this.store.save();
    this.emit("charge.refunded", charge);
    return refund;
  }

  dispute(params: { payment_intent: string }): Json {
    const charge = this.chargeFor(params);
    if (charge.disputed) throw new StripeApiError(400, "This charge is already disputed.");
    charge.disputed = true;
    const dispute = {
      id: stripeId("dp"),
      object: "dispute",
      amount: charge.amount,
      charge: charge.id,
      currency: charge.currency,
      payment_intent: charge.payment_intent,
      reason: "fraudulent",
      status: "needs_response",
      is_charge_refundable: true,
      livemode: false,
      metadata: {},
      created: nowSeconds(),
    };
    this.state.disputes[dispute.id] = dispute;
    this.store.save();
    this.emit("charge.dispute.created", dispute);
    return dispute;
  }

  /**
   * The card network's decision on a dispute: `won`, `lost`, or `warning_closed` for an inquiry
   * that never became a chargeback.
   */
  closeDispute(disputeId: string, status: "won" | "lost" | "warning_closed"): Json {
    const dispute = this.state.disputes[disputeId];
    if (!dispute)
      throw new StripeApiError(404, `No such dispute: '${disputeId}'`, "resource_missing");
    if (["won", "lost", "warning_closed"].includes(dispute.status as string))
      throw new StripeApiError(400, "This dispute is already closed.");
    dispute.status = status;
    this.store.save();
    this.emit("charge.dispute.closed", dispute);
    return dispute;
  }

  /** Expires an open session, as `POST /v1/checkout/sessions/:id/expire` or 24 hours do. */
  expireCheckoutSession(sessionId: string): Json {
    const session = this.retrieveCheckoutSession(sessionId);
    if (session.status !== "open")
      throw new StripeApiError(
        400,
        `Only Checkout Sessions with a status of open can be expired.`,
        "checkout_session_not_open",
      );
    session.status = "expired";
    this.store.save();
    this.emit("checkout.session.expired", session);
    return session;
  }

  /** Delivers a stored event again, as `stripe events resend` does. */
  resend(eventId: string) {
    const event = this.state.events.find((candidate) => candidate.id === eventId);
    if (!event) throw new StripeApiError(404, `No such event: '${eventId}'`, "resource_missing");
    return this.deliver(event);
  }

  private chargeFor(params: { payment_intent?: string; charge?: string }): Json {
    const chargeId =
      params.charge ??
      (this.state.paymentIntents[params.payment_intent ?? ""]?.latest_charge as string | undefined);
    const charge = chargeId ? this.state.charges[chargeId] : undefined;
    if (!charge)
      throw new StripeApiError(
        404,
        "No such payment.",
        "resource_missing",
        params.charge ? "charge" : "payment_intent",
      );
    return charge;
  }

  private emit(type: string, object: Json) {
    const event: Json = {
      id: stripeId("evt"),
      object: "event",
      api_version: API_VERSION,
      created: nowSeconds(),
      livemode: false,
      pending_webhooks: 1,
      request: { id: null, idempotency_key: null },
      type,
      data: { object: structuredClone(object) },
    };
    this.state.events.push(event);
    this.store.save();
    void this.deliver(event);
  }

  private deliver(event: Json) {
    const delivery: Delivery = {
      eventId: event.id as string,
      type: event.type as string,
      attempts: 0,
      lastStatus: null,
      lastError: null,
      delivered: false,
    };
    this.state.deliveries.push(delivery);
    return this.sender.send(event, delivery, () => this.store.save());
  }
}
