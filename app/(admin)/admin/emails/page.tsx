import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { AdminPage } from "@/components/admin/admin-page";
import { listEmails } from "@/lib/admin/operations";
import { requireAdmin } from "@/lib/auth/session";
import { retryEmailAction } from "../actions";
import { formatDateTime } from "@/lib/format/dates";
import { ScrollTable } from "@/components/ui/scroll-table";

export const metadata: Metadata = { title: "Emails · Admin", robots: { index: false } };

const STATUSES = ["QUEUED", "SENDING", "SENT", "FAILED"] as const;

async function Emails({
  searchParams,
}: {
  searchParams: PageProps<"/admin/emails">["searchParams"];
}) {
  await requireAdmin();
  const { status } = await searchParams;
  const emails = await listEmails({ status: STATUSES.find((candidate) => candidate === status) });
  return emails.length === 0 ? (
    <p className="text-slate-600">No emails.</p>
  ) : (
    <ScrollTable tableClassName="min-w-[44rem]">
      <thead className="text-slate-600">
        <tr>
          <th scope="col" className="py-2">
            Created
          </th>
          <th scope="col">To</th>
          <th scope="col">Subject</th>
          <th scope="col">Status</th>
          <th scope="col">Attempts</th>
          <th scope="col">
            <span className="sr-only">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100 align-top">
        {emails.map((email) => (
          <tr key={email.id}>
            <td className="py-2 whitespace-nowrap">{formatDateTime(email.createdAt)}</td>
            <td>{email.to}</td>
            <td>
              <Link href={`/admin/emails/${email.id}`} className="text-brand-700 hover:underline">
                {email.subject}
              </Link>
              <br />
              <span className="text-xs text-slate-500">{email.template}</span>
            </td>
            <td>
              {email.status.toLowerCase()}
              {email.lastError ? (
                <span className="block text-xs text-red-700">{email.lastError}</span>
              ) : null}
            </td>
            <td>{email.attempts}</td>
            <td>
              {email.status === "FAILED" ? (
                <ActionForm action={retryEmailAction} submitLabel="Retry">
                  <input type="hidden" name="emailId" value={email.id} />
                </ActionForm>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}

export default function AdminEmailsPage(props: PageProps<"/admin/emails">) {
  return (
    <AdminPage title="Emails">
      <Emails searchParams={props.searchParams} />
    </AdminPage>
  );
}
