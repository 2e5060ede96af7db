import type { Metadata } from "next";
import { Suspense } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

export const metadata: Metadata = { title: "Sign in" };

async function Form({ searchParams }: { searchParams: PageProps<"/signin">["searchParams"] }) {
  const params = await searchParams;
  return (
    <SignInForm
      callbackUrl={safeCallbackUrl(params.callbackUrl)}
      initialError={typeof params.error === "string" ? params.error : undefined}
    />
  );
}

export default function SignInPage(props: PageProps<"/signin">) {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Sign in to your account</h1>
      <p className="mt-2 text-slate-600">
        See your license keys, download your files and manage your devices.
      </p>
      <Suspense fallback={<div className="mt-8 h-44" aria-hidden />}>
        <Form searchParams={props.searchParams} />
      </Suspense>
    </>
  );
}
