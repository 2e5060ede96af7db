import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { EMAIL_STATUSES, listEmails } from "@/lib/email/list-emails";
import { requireAdmin } from "@/lib/auth/session";
import { retryEmailAction } from "../actions";
import { formatDateTime } from "@/lib/format/dates";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";

export const metadata: Metadata = { title: "Emails · Admin", robots: { index: false } };

async function Emails({
  searchParams,
}: {
  searchParams: PageProps<"/admin/emails">["searchParams"];
}) {
  await requireAdmin();
  const { status } = await searchParams;
  const emails = await listEmails({
    status: EMAIL_STATUSES.find((candidate) => candidate === status),
  });
  return emails.length === 0 ? (
    <EmptyState>No emails.</EmptyState>
  ) : (
    <DataTable
      caption="Emails, newest first"
      minWidth="44rem"
      rows={emails}
      rowKey={(email) => email.id}
      columns={[
        {
          header: "Created",
          cell: (email) => formatDateTime(email.createdAt),
          className: "whitespace-nowrap",
        },
        { header: "To", cell: (email) => email.to },
        {
          header: "Subject",
          cell: (email) => (
            <>
              <Link href={`/admin/emails/${email.id}`} className="text-brand-700 hover:underline">
                {email.subject}
              </Link>
              <br />
              <span className="text-xs text-slate-500">{email.template}</span>
            </>
          ),
        },
        {
          header: "Status",
          cell: (email) => (
            <>
              <StatusBadge status={email.status} size="xs" />
              {email.lastError ? (
                <span className="block text-xs text-red-700">{email.lastError}</span>
              ) : null}
            </>
          ),
        },
        { header: "Attempts", cell: (email) => email.attempts },
        {
          header: "Actions",
          hideHeader: true,
          cell: (email) =>
            email.status === "FAILED" ? (
              <ActionForm action={retryEmailAction} submitLabel="Retry">
                <input type="hidden" name="emailId" value={email.id} />
              </ActionForm>
            ) : null,
        },
      ]}
    />
  );
}

export default function AdminEmailsPage(props: PageProps<"/admin/emails">) {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Emails</h1>
      <Emails searchParams={props.searchParams} />
    </>
  );
}
