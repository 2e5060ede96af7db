import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Check your email" };

export default function CheckEmailPage() {
  return (
    <div role="status">
      <h1 className="text-2xl font-bold tracking-tight">Check your email</h1>
      <p className="mt-3 text-slate-600">
        We sent you a sign-in link. It works once and expires in 15 minutes. If it does not arrive
        within a minute, look in your spam folder.
      </p>
      <Link
        href="/signin"
        className="text-brand-700 mt-6 inline-block text-sm font-medium hover:underline"
      >
        Use a different email
      </Link>
    </div>
  );
}
