import type { Metadata } from "next";
import { ActionForm } from "@/components/ui/action-form";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { statusLabel } from "@/lib/format/status";
import { listWebhookEvents, WEBHOOK_EVENT_STATUSES } from "@/lib/webhooks/list-webhook-events";
import { requireAdmin } from "@/lib/auth/session";
import { replayWebhookEventAction } from "../actions";
import { formatDateTime } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Webhooks · Admin", robots: { index: false } };

async function Events({
  searchParams,
}: {
  searchParams: PageProps<"/admin/webhooks">["searchParams"];
}) {
  await requireAdmin();
  const { status } = await searchParams;
  const filter = WEBHOOK_EVENT_STATUSES.find((candidate) => candidate === status);
  const events = await listWebhookEvents({ status: filter });
  return events.length === 0 ? (
    <EmptyState>
      No webhook events{filter ? ` with status ${statusLabel(filter).toLowerCase()}` : ""}.
    </EmptyState>
  ) : (
    <ul className="divide-y divide-slate-100 rounded-xl border border-slate-200 bg-white text-sm">
      {events.map((event) => (
        <li
          key={event.id}
          className="space-y-1 p-4"
          data-testid={`webhook-${event.providerEventId}`}
        >
          <div className="flex flex-wrap items-start justify-between gap-2">
            <p>
              <span className="font-medium">{event.type}</span> · {event.providerEventId} ·{" "}
              <StatusBadge status={event.status} size="xs" /> · {event.attempts} attempt(s) ·
              received {formatDateTime(event.receivedAt)}
            </p>
            <ActionForm action={replayWebhookEventAction} submitLabel="Replay">
              <input type="hidden" name="webhookEventId" value={event.id} />
            </ActionForm>
          </div>
          {event.lastError ? <p className="text-red-700">{event.lastError}</p> : null}
          <details>
            <summary className="cursor-pointer text-slate-700">Payload</summary>
            <pre className="mt-1 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">
              {JSON.stringify(event.payload, null, 2)}
            </pre>
          </details>
        </li>
      ))}
    </ul>
  );
}

export default function AdminWebhooksPage(props: PageProps<"/admin/webhooks">) {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Webhook events</h1>
      <Events searchParams={props.searchParams} />
    </>
  );
}
