import type { Metadata } from "next";
import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { Suspense } from "react";

export const metadata: Metadata = { title: "Sign-in problem" };

const MESSAGES: Record<string, string> = {
  Verification: "This sign-in link has expired or was already used. Ask for a new one.",
  AccessDenied: "You cannot sign in with this account.",
  Configuration: "Sign-in is not available right now. Please try again later.",
};

async function Message({
  searchParams,
}: {
  searchParams: PageProps<"/signin/error">["searchParams"];
}) {
  const { error } = await searchParams;
  return (
    <p className="mt-3 text-slate-600">
      {MESSAGES[String(error)] ?? "Something went wrong while signing you in."}
    </p>
  );
}

export default function SignInErrorPage(props: PageProps<"/signin/error">) {
  return (
    <div role="alert">
      <h1 className="text-2xl font-bold tracking-tight">We could not sign you in</h1>
      <Suspense fallback={<p className="mt-3 h-6" />}>
        <Message searchParams={props.searchParams} />
      </Suspense>
      <Link href="/signin" className={buttonClassName({ className: "mt-6" })}>
        Get a new link
      </Link>
    </div>
  );
}
