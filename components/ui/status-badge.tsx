import { STATUS_DISPLAY, type DisplayStatus, type StatusTone } from "@/lib/format/status";

const TONE: Record<StatusTone, string> = {
  good: "bg-emerald-50 text-emerald-800",
  neutral: "bg-slate-100 text-slate-700",
  warning: "bg-amber-50 text-amber-900",
  bad: "bg-red-50 text-red-800",
};

/** A status as a coloured label: one spelling and one colour per status on every page. */
export function StatusBadge({
  status,
  size = "sm",
  "data-testid": testId,
}: {
  status: DisplayStatus;
  size?: "xs" | "sm";
  "data-testid"?: string;
}) {
  const { label, tone } = STATUS_DISPLAY[status];
  return (
    <span
      data-testid={testId}
      className={`inline-block rounded-full px-2.5 py-0.5 font-medium whitespace-nowrap ${size === "xs" ? "text-xs" : "text-sm"} ${TONE[tone]}`}
    >
      {label}
    </span>
  );
}
