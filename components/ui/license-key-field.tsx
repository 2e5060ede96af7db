import { CopyButton } from "./copy-button";

/** A license key as people read and copy it: monospace, truncated on a narrow screen, one click to copy. */
export function LicenseKeyField({
  licenseKey,
  className = "",
  "data-testid": testId,
}: {
  licenseKey: string;
  /** Layout only (margin). */
  className?: string;
  "data-testid"?: string;
}) {
  return (
    <div className={`flex items-center gap-3 ${className}`}>
      <code
        data-testid={testId}
        className="min-w-0 flex-1 truncate rounded-md bg-slate-100 px-3 py-2 font-mono text-sm sm:text-base"
      >
        {licenseKey}
      </code>
      <CopyButton text={licenseKey} label={`Copy license key ${licenseKey}`} />
    </div>
  );
}
