import type { Json } from "./state";

const escape = (value: unknown) =>
  String(value ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );

const money = (amount: unknown, currency: unknown) =>
  new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: String(currency).toUpperCase(),
  }).format(Number(amount) / 100);

const STYLE = `
  *{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,sans-serif;color:#1a1f36;background:#f6f9fc}
  main{max-width:440px;margin:0 auto;padding:32px 20px}h1{font-size:22px;margin:0 0 4px}
  .banner{background:#ffde92;color:#5c3b00;font-size:13px;padding:6px 12px;text-align:center}
  label{display:block;font-size:14px;font-weight:600;margin:16px 0 4px}
  input,select{width:100%;padding:10px;border:1px solid #c0c8d2;border-radius:6px;font:inherit}
  input:focus,select:focus,button:focus{outline:2px solid #635bff;outline-offset:1px}
  button{margin-top:20px;width:100%;padding:12px;border:0;border-radius:6px;background:#635bff;color:#fff;font:600 16px system-ui;cursor:pointer}
  .error{background:#fde8e8;color:#8a1c1c;padding:10px;border-radius:6px;margin-top:16px}
  .muted{color:#5b6b7f;font-size:14px}table{width:100%;border-collapse:collapse;font-size:14px}
  td,th{border-bottom:1px solid #e3e8ee;padding:8px;text-align:left;vertical-align:top}
  .wide{max-width:1100px}.inline{display:inline}.inline button{width:auto;margin:2px;padding:6px 10px;font-size:13px}`;

const layout = (title: string, body: string, wide = false) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${escape(title)}</title><style>${STYLE}</style></head>
<body><div class="banner">Stripe emulator · test mode · no real money moves</div><main${wide ? ' class="wide"' : ""}>${body}</main></body></html>`;

export function checkoutPage(session: Json, lineItems: Json[], error?: string) {
  const items = lineItems
    .map(
      (item) =>
        `<p><strong>${escape(item.description)}</strong><br><span class="muted">Qty ${escape(item.quantity)} · ${money(item.amount_total, item.currency)}</span></p>`,
    )
    .join("");
  const cancel = session.cancel_url
    ? `<p class="muted"><a href="${escape(session.cancel_url)}">← Back to the store</a></p>`
    : "";
  return layout(
    "Pay",
    `${cancel}<h1>Pay ${money(session.amount_total, session.currency)}</h1>${items}
    ${error ? `<p class="error" role="alert">${escape(error)}</p>` : ""}
    <form method="post">
      <label for="email">Email</label>
      <input id="email" name="email" type="email" required autocomplete="email" value="${escape(session.customer_email ?? "")}">
      <label for="name">Name on card</label>
      <input id="name" name="name" autocomplete="cc-name">
      <label for="method">Payment method</label>
      <select id="method" name="method">
        <option value="card">Card (paid at once)</option>
        <option value="delayed">Bank transfer (settles later)</option>
      </select>
      <label for="card">Card number</label>
      <input id="card" name="card" inputmode="numeric" autocomplete="cc-number" value="4242 4242 4242 4242" aria-describedby="card-help">
      <p id="card-help" class="muted">4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined.</p>
      <button type="submit">Pay ${money(session.amount_total, session.currency)}</button>
    </form>`,
  );
}

export function closedPage(message: string) {
  return layout("Checkout", `<h1>Checkout</h1><p>${escape(message)}</p>`);
}

const action = (path: string, fields: Record<string, string>, label: string) =>
  `<form class="inline" method="post" action="${path}">${Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${escape(value)}">`)
    .join("")}<button type="submit">${escape(label)}</button></form>`;

export function dashboardPage(
  state: {
    sessions: Json[];
    paymentIntents: Record<string, Json>;
    charges: Record<string, Json>;
    disputes: Record<string, Json>;
    events: Json[];
    deliveries: {
      eventId: string;
      delivered: boolean;
      attempts: number;
      lastStatus: number | null;
    }[];
  },
  webhook: { url: string; secret: string },
) {
  const rows = state.sessions
    .filter((session) => session.payment_intent)
    .reverse()
    .map((session) => {
      const intent = state.paymentIntents[session.payment_intent as string]!;
      const charge = state.charges[intent.latest_charge as string]!;
      const openDispute = Object.values(state.disputes).find(
        (dispute) => dispute.charge === charge.id && dispute.status === "needs_response",
      );
      const actions = [
        session.payment_status === "unpaid" && intent.status === "processing"
          ? action(
              "/dashboard/settle",
              { session: session.id as string, outcome: "succeeded" },
              "Payment succeeds",
            ) +
            action(
              "/dashboard/settle",
              { session: session.id as string, outcome: "failed" },
              "Payment fails",
            )
          : "",
        charge.status === "succeeded" && !charge.refunded
          ? action("/dashboard/refund", { payment_intent: intent.id as string }, "Refund")
          : "",
        charge.status === "succeeded" && !charge.disputed
          ? action("/dashboard/dispute", { payment_intent: intent.id as string }, "Open dispute")
          : "",
        openDispute
          ? action(
              "/dashboard/close-dispute",
              { dispute: openDispute.id as string, status: "won" },
              "Dispute won",
            ) +
            action(
              "/dashboard/close-dispute",
              { dispute: openDispute.id as string, status: "lost" },
              "Dispute lost",
            )
          : "",
      ].join("");
      return `<tr data-payment-intent="${escape(intent.id)}"><td>${escape((session.customer_details as Json | null)?.email)}<br><span class="muted">${escape(session.id)}</span></td>
        <td>${money(session.amount_total, session.currency)}</td>
        <td>${escape(intent.status)}${charge.refunded ? " · refunded" : ""}${charge.disputed ? " · disputed" : ""}</td><td>${actions}</td></tr>`;
    })
    .join("");
  const events = state.events
    .slice(-25)
    .reverse()
    .map((event) => {
      const tries = state.deliveries.filter((delivery) => delivery.eventId === event.id);
      const last = tries.at(-1);
      return `<tr><td>${escape(event.type)}<br><span class="muted">${escape(event.id)}</span></td>
        <td>${last ? `${last.delivered ? "delivered" : "not delivered"} · ${last.attempts} attempt(s) · HTTP ${escape(last.lastStatus ?? "–")}` : "–"}</td>
        <td>${action("/dashboard/resend", { event: event.id as string }, "Resend")}</td></tr>`;
    })
    .join("");
  return layout(
    "Stripe emulator",
    `<h1>Payments</h1><p class="muted">Webhooks go to ${escape(webhook.url)}, signed with ${escape(webhook.secret)}.</p>
     <table><thead><tr><th>Customer</th><th>Amount</th><th>Status</th><th>Actions</th></tr></thead><tbody>${rows || '<tr><td colspan="4">No payments yet.</td></tr>'}</tbody></table>
     <h1 style="margin-top:32px">Events</h1>
     <table><thead><tr><th>Event</th><th>Delivery</th><th></th></tr></thead><tbody>${events || '<tr><td colspan="3">No events yet.</td></tr>'}</tbody></table>`,
    true,
  );
}
