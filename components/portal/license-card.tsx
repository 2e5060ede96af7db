import Link from "next/link";
import type { FormAction } from "@/app/_actions/action-state";
import { LicenseKeyField } from "@/components/ui/license-key-field";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatBytes } from "@/lib/format/license-terms";
import type { CustomerLicense } from "@/lib/portal/list-customer-licenses";
import { ActionForm } from "@/components/ui/action-form";
import { formatDateTime, formatDay } from "@/lib/format/dates";

type Props = {
  license: CustomerLicense;
  actions: {
    resendEmail: FormAction;
    getDownloadLink: FormAction;
    revokeDownloadLink: FormAction;
    deactivateDevice: FormAction;
  };
  resendsPerHour: number;
};

export function LicenseCard({ license, actions, resendsPerHour }: Props) {
  const usable = license.code === "VALID";
  return (
    <article
      aria-labelledby={`license-${license.id}`}
      data-testid={`license-${license.key}`}
      className="rounded-xl border border-slate-200 bg-white p-5 shadow-sm"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h3 id={`license-${license.id}`} className="text-lg font-semibold">
            {license.productName} · {license.tierName}
          </h3>
          <p className="text-sm text-slate-600">
            <Link
              href={`/license/${license.tierSlug}`}
              className="underline-offset-2 hover:underline"
            >
              License terms
            </Link>
            {" · "}issued {formatDay(license.issuedAt)} ·{" "}
            {license.expiresAt ? `valid until ${formatDay(license.expiresAt)}` : "never expires"}
          </p>
        </div>
        <StatusBadge status={license.code} data-testid="license-status" />
      </div>
      {!usable && license.statusReason ? (
        <p className="mt-2 text-sm text-slate-700">Why: {license.statusReason}</p>
      ) : null}

      <LicenseKeyField licenseKey={license.key} className="mt-4" />
      <div className="mt-3 flex flex-wrap items-start gap-x-6 gap-y-2 text-sm">
        <a
          download={`${license.key}.license`}
          href={`data:text/plain;charset=utf-8,${encodeURIComponent(license.certificate)}`}
          className="text-brand-700 py-1.5 font-medium hover:underline"
        >
          Download certificate
        </a>
        {license.canResendEmail ? (
          <ActionForm
            action={actions.resendEmail}
            fields={{ licenseId: license.id }}
            submitLabel="Email me this license"
            pendingLabel="Sending…"
            note={`Up to ${resendsPerHour} times an hour.`}
          />
        ) : null}
      </div>

      <section aria-label="Devices" className="mt-5 border-t border-slate-100 pt-4">
        <h4 className="text-sm font-semibold">
          Devices{" "}
          <span className="font-normal text-slate-600">
            ({license.seats.used} of {license.seats.limit} seats used)
          </span>
        </h4>
        {license.devices.length === 0 ? (
          <p className="mt-1 text-sm text-slate-600">
            No device is activated yet. Enter the key in the app to activate one.
          </p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {license.devices.map((device) => (
              <li
                key={device.id}
                className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm"
              >
                <div>
                  <p className="font-medium">
                    {device.label ?? "Unnamed device"}
                    {device.platform ? ` · ${device.platform}` : ""}
                  </p>
                  <p className="text-slate-600">
                    First seen {formatDay(device.firstSeenAt)} · last seen{" "}
                    {formatDay(device.lastSeenAt)}
                  </p>
                </div>
                <ActionForm
                  action={actions.deactivateDevice}
                  fields={{ activationId: device.id }}
                  submitLabel="Deactivate"
                  pendingLabel="Deactivating…"
                  variant="danger"
                />
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-label="Files" className="mt-4 border-t border-slate-100 pt-4">
        <h4 className="text-sm font-semibold">Files</h4>
        {!license.canDownload ? (
          <p className="mt-1 text-sm text-slate-600">
            Files can be downloaded while the license is active.
          </p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-100">
            {license.files.map((file) => (
              <li
                key={file.id}
                className="flex flex-wrap items-start justify-between gap-2 py-2 text-sm"
              >
                <div className="min-w-0">
                  <p className="font-medium">{file.name}</p>
                  <p className="truncate text-slate-600">
                    {file.fileName} · {formatBytes(file.sizeBytes)} ·{" "}
                    <span className="font-mono text-xs" title="SHA-256">
                      sha256 {file.sha256.slice(0, 12)}…
                    </span>
                  </p>
                </div>
                <ActionForm
                  action={actions.getDownloadLink}
                  fields={{ licenseId: license.id, assetId: file.id }}
                  submitLabel="Get download link"
                  pendingLabel="Preparing…"
                  variant="primary"
                />
              </li>
            ))}
          </ul>
        )}
        {license.downloadLinks.length > 0 ? (
          <div className="mt-3">
            <h5 className="text-sm font-medium text-slate-700">Live download links</h5>
            <ul className="mt-1 space-y-2">
              {license.downloadLinks.map((link) => (
                <li
                  key={link.id}
                  className="flex flex-wrap items-start justify-between gap-2 text-sm text-slate-600"
                >
                  <span>
                    {link.assetName}: {link.attemptsLeft} download
                    {link.attemptsLeft === 1 ? "" : "s"} left, expires{" "}
                    {formatDateTime(link.expiresAt)}
                  </span>
                  <ActionForm
                    action={actions.revokeDownloadLink}
                    fields={{ downloadTokenId: link.id }}
                    submitLabel="Revoke"
                    pendingLabel="Revoking…"
                    variant="danger"
                  />
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </section>
    </article>
  );
}
