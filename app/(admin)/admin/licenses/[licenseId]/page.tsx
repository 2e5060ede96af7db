import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/ui/action-form";
import { LicenseKeyField } from "@/components/ui/license-key-field";
import { StatusBadge } from "@/components/ui/status-badge";
import { getLicenseDetail } from "@/lib/admin/find-licenses";
import { requireAdmin } from "@/lib/auth/session";
import { formatMoney } from "@/lib/format/money";
import {
  changeLicenseStatusAction,
  resetActivationsAction,
  sendLicenseEmailAction,
  updateLicenseTermsAction,
} from "../../actions";
import { formatDateTime, formatDay } from "@/lib/format/dates";

export const metadata: Metadata = { title: "License · Admin", robots: { index: false } };

const input = "rounded-md border border-slate-300 px-2 py-1.5 text-sm";

async function Detail({ params }: { params: PageProps<"/admin/licenses/[licenseId]">["params"] }) {
  await requireAdmin();
  const detail = await getLicenseDetail({ licenseId: (await params).licenseId });
  if (!detail) notFound();
  const { license, seats, timeline } = detail;
  const hidden = <input type="hidden" name="licenseId" value={license.id} />;
  return (
    <div className="grid gap-8 lg:grid-cols-3">
      <div className="space-y-6 lg:col-span-2">
        <section aria-label="License" className="rounded-xl border border-slate-200 bg-white p-5">
          <LicenseKeyField licenseKey={license.key} data-testid="admin-license-key" />
          <dl className="mt-3 grid grid-cols-1 gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
            <div>
              <dt className="inline text-slate-600">Status: </dt>
              <dd className="inline">
                <StatusBadge status={license.status} data-testid="admin-license-status" />
              </dd>
            </div>
            <div>
              <dt className="inline text-slate-600">Reason: </dt>
              <dd className="inline">{license.statusReason ?? "–"}</dd>
            </div>
            <div>
              <dt className="inline text-slate-600">Customer: </dt>
              <dd className="inline">{license.customerEmail}</dd>
            </div>
            <div>
              <dt className="inline text-slate-600">Product: </dt>
              <dd className="inline">
                {license.product.name} · {license.tier.name}
              </dd>
            </div>
            <div>
              <dt className="inline text-slate-600">Expires: </dt>
              <dd className="inline">
                {license.expiresAt ? formatDay(license.expiresAt) : "never"}
              </dd>
            </div>
            <div>
              <dt className="inline text-slate-600">Seats: </dt>
              <dd className="inline">
                {seats.used} of {seats.limit}
              </dd>
            </div>
            <div>
              <dt className="inline text-slate-600">Validations: </dt>
              <dd className="inline">
                {license.validationCount}
                {license.lastValidatedAt ? `, last ${formatDateTime(license.lastValidatedAt)}` : ""}
              </dd>
            </div>
          </dl>
        </section>

        <section
          aria-labelledby="actions"
          className="space-y-4 rounded-xl border border-slate-200 bg-white p-5"
        >
          <h2 id="actions" className="font-semibold">
            Actions
          </h2>
          <ActionForm action={changeLicenseStatusAction} submitLabel="Revoke" variant="danger">
            {hidden}
            <input type="hidden" name="change" value="revoke" />
            <label className="text-sm">
              Reason for revoking{" "}
              <input name="reason" required minLength={3} className={`ml-1 ${input}`} />
            </label>
          </ActionForm>
          <div className="flex flex-wrap gap-4">
            <ActionForm action={changeLicenseStatusAction} submitLabel="Suspend">
              {hidden}
              <input type="hidden" name="change" value="suspend" />
            </ActionForm>
            <ActionForm
              action={changeLicenseStatusAction}
              submitLabel="Reinstate"
              variant="primary"
            >
              {hidden}
              <input type="hidden" name="change" value="reinstate" />
            </ActionForm>
            <ActionForm action={resetActivationsAction} submitLabel="Reset activations">
              {hidden}
            </ActionForm>
            <ActionForm action={sendLicenseEmailAction} submitLabel="Resend license email">
              {hidden}
            </ActionForm>
          </div>
          <ActionForm action={updateLicenseTermsAction} submitLabel="Save terms">
            {hidden}
            <label className="text-sm">
              Expires (empty: never){" "}
              <input
                name="expiresAt"
                type="date"
                defaultValue={license.expiresAt ? formatDay(license.expiresAt) : ""}
                className={`ml-1 ${input}`}
              />
            </label>
            <label className="text-sm">
              Seats{" "}
              <input
                name="seatLimit"
                type="number"
                min={1}
                defaultValue={license.seatLimit}
                className={`ml-1 w-20 ${input}`}
              />
            </label>
          </ActionForm>
        </section>

        <section
          aria-labelledby="purchase"
          className="rounded-xl border border-slate-200 bg-white p-5 text-sm"
        >
          <h2 id="purchase" className="font-semibold">
            Purchase
          </h2>
          {license.purchase ? (
            <>
              <p className="mt-2">
                {license.purchase.source} {license.purchase.sourceOrderId}{" "}
                <StatusBadge status={license.purchase.status} size="xs" />{" "}
                {formatMoney(license.purchase.amountCents, license.purchase.currency)}
                {license.purchase.testMode ? " · test" : ""}
              </p>
              <details className="mt-2">
                <summary className="cursor-pointer">Provider object</summary>
                <pre className="mt-2 max-h-80 overflow-auto rounded bg-slate-50 p-2 text-xs">
                  {JSON.stringify(license.purchase.providerObject, null, 2)}
                </pre>
              </details>
            </>
          ) : (
            <p className="mt-2 text-slate-600">Granted without a purchase.</p>
          )}
        </section>

        <section
          aria-labelledby="devices"
          className="rounded-xl border border-slate-200 bg-white p-5 text-sm"
        >
          <h2 id="devices" className="font-semibold">
            Activations
          </h2>
          <ul className="mt-2 space-y-1">
            {license.activations.map((a) => (
              <li key={a.id}>
                {a.label ?? a.fingerprint} · {a.platform ?? "?"} · first {formatDay(a.firstSeenAt)}{" "}
                · last {formatDay(a.lastSeenAt)}
                {a.deactivatedAt ? " · deactivated" : ""}
              </li>
            ))}
          </ul>
          <h2 className="mt-4 font-semibold">Download links</h2>
          <ul className="mt-2 space-y-1">
            {license.downloadTokens.map((t) => (
              <li key={t.id}>
                {t.asset.name} · {t.attemptsUsed}/{t.maxAttempts} used · expires{" "}
                {formatDateTime(t.expiresAt)}
                {t.revokedAt ? " · revoked" : ""}
              </li>
            ))}
          </ul>
        </section>
      </div>

      <section
        aria-labelledby="timeline"
        className="rounded-xl border border-slate-200 bg-white p-5 text-sm"
      >
        <h2 id="timeline" className="font-semibold">
          Timeline
        </h2>
        <ol className="mt-2 space-y-2">
          {timeline.map((entry) => (
            <li key={entry.id}>
              <p className="font-medium">{entry.action}</p>
              <p className="text-slate-600">
                {formatDateTime(entry.createdAt)} · {entry.actorType.toLowerCase()}
                {entry.actorLabel ? ` (${entry.actorLabel})` : ""}
              </p>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}

export default function AdminLicensePage(props: PageProps<"/admin/licenses/[licenseId]">) {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">License</h1>
      <Detail params={props.params} />
    </>
  );
}
