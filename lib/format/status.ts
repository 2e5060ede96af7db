import type {
  EmailStatus,
  LicenseStatus,
  PurchaseStatus,
  WebhookEventStatus,
} from "@/lib/generated/prisma/enums";
import type { LicenseUsability } from "@/lib/licenses/license-usability";

/** Every status a page shows: the stored ones, and whether a license is usable right now. */
export type DisplayStatus =
  LicenseStatus | PurchaseStatus | WebhookEventStatus | EmailStatus | LicenseUsability;

/** How a status reads to people: good, waiting, needing a look, or gone wrong. */
export type StatusTone = "good" | "neutral" | "warning" | "bad";

/** One label and one tone per status, wherever it is shown. */
export const STATUS_DISPLAY: Record<DisplayStatus, { label: string; tone: StatusTone }> = {
  ACTIVE: { label: "Active", tone: "good" },
  VALID: { label: "Active", tone: "good" },
  EXPIRED: { label: "Expired", tone: "warning" },
  SUSPENDED: { label: "Suspended", tone: "warning" },
  REVOKED: { label: "Revoked", tone: "bad" },
  PENDING: { label: "Pending", tone: "neutral" },
  PAID: { label: "Paid", tone: "good" },
  REFUNDED: { label: "Refunded", tone: "bad" },
  DISPUTED: { label: "Disputed", tone: "warning" },
  FAILED: { label: "Failed", tone: "bad" },
  ABANDONED: { label: "Abandoned", tone: "neutral" },
  RECEIVED: { label: "Received", tone: "neutral" },
  PROCESSED: { label: "Processed", tone: "good" },
  IGNORED: { label: "Ignored", tone: "neutral" },
  QUEUED: { label: "Queued", tone: "neutral" },
  SENDING: { label: "Sending", tone: "neutral" },
  SENT: { label: "Sent", tone: "good" },
};

export const statusLabel = (status: DisplayStatus) => STATUS_DISPLAY[status].label;
