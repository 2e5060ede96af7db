import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StatusBadge } from "@/components/ui/status-badge";
import { getEmail } from "@/lib/email/get-email";
import { requireAdmin } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Email · Admin", robots: { index: false } };

async function Email({ params }: { params: PageProps<"/admin/emails/[emailId]">["params"] }) {
  await requireAdmin();
  const email = await getEmail({ emailId: (await params).emailId });
  if (!email) notFound();
  return (
    <div className="space-y-4 text-sm">
      <p>
        <span className="text-slate-600">To:</span> {email.to} ·{" "}
        <span className="text-slate-600">Subject:</span> {email.subject}{" "}
        <StatusBadge status={email.status} size="xs" />
      </p>
      {/* Sandboxed: the rendered email runs no script and cannot touch the admin page. */}
      <iframe
        title="Rendered email"
        sandbox=""
        srcDoc={email.html}
        className="h-[36rem] w-full rounded-xl border border-slate-200 bg-white"
      />
      <details>
        <summary className="cursor-pointer">Plain text</summary>
        <pre className="mt-2 rounded bg-slate-50 p-3 whitespace-pre-wrap">{email.text}</pre>
      </details>
    </div>
  );
}

export default function AdminEmailPage(props: PageProps<"/admin/emails/[emailId]">) {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Email</h1>
      <Email params={props.params} />
    </>
  );
}
