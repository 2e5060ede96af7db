"use client";

import { signOut } from "next-auth/react";

export function SignOutButton() {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/" })}
      className="rounded-md px-2 py-2 text-sm font-medium text-slate-700 hover:text-slate-950"
    >
      Sign out
    </button>
  );
}
