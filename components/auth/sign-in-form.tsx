"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";

const ERRORS: Record<string, string> = {
  RateLimited: "Too many sign-in links were requested. Please wait a few minutes and try again.",
  EmailSignin: "We could not send the sign-in email. Please try again.",
  Default: "Something went wrong. Please try again.",
};

export function SignInForm({
  callbackUrl,
  initialError,
}: {
  callbackUrl: string;
  initialError?: string;
}) {
  const router = useRouter();
  const [error, setError] = useState(
    initialError ? (ERRORS[initialError] ?? ERRORS.Default) : undefined,
  );
  const [pending, setPending] = useState(false);

  async function submit(form: FormData) {
    const email = String(form.get("email") ?? "").trim();
    setPending(true);
    setError(undefined);
    const result = await signIn("email", { email, callbackUrl, redirect: false });
    const failure =
      result?.error ?? (result?.url ? new URL(result.url).searchParams.get("error") : null);
    if (failure) {
      setError(ERRORS[failure] ?? ERRORS.Default);
      setPending(false);
      return;
    }
    router.push(`/signin/check-email?email=${encodeURIComponent(email)}`);
  }

  return (
    <form action={submit} className="mt-8 space-y-4">
      <div>
        <label htmlFor="email" className="block text-sm font-medium text-slate-800">
          Email address
        </label>
        <input
          id="email"
          name="email"
          type="email"
          required
          autoComplete="email"
          aria-describedby={error ? "signin-error" : "signin-help"}
          className="focus:border-brand-600 focus:ring-brand-600 mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-base shadow-sm focus:ring-1 focus:outline-none"
        />
        <p id="signin-help" className="mt-1 text-sm text-slate-500">
          Use the email you bought with. We will send you a link; no password needed.
        </p>
      </div>
      <p id="signin-error" role="alert" className="min-h-5 text-sm text-red-700">
        {error}
      </p>
      <Button type="submit" size="lg" disabled={pending} className="w-full">
        {pending ? "Sending…" : "Email me a sign-in link"}
      </Button>
    </form>
  );
}
