import "server-only";
import type { Route } from "next";
import { getServerSession } from "next-auth";
import { notFound, redirect } from "next/navigation";
import { connection } from "next/server";
import { cache } from "react";
import { authOptions } from "./auth-options";
import { type Viewer, viewerOf } from "./viewer";

export type { Viewer } from "./viewer";

/** The signed-in user, read once per request. */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  // Sessions are per request; next-auth draws random bytes before it reads the cookie.
  await connection();
  return viewerOf(await getServerSession(authOptions));
});

/** For /account: the signed-in customer, or a redirect to sign in and back. */
export async function requireCustomer(returnTo: string = "/account"): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}` as Route);
  return viewer;
}

/** For /admin: anyone who is not an admin is told the page does not exist. */
export async function requireAdmin(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/signin?callbackUrl=%2Fadmin" as Route);
  if (viewer.role !== "ADMIN") notFound();
  return viewer;
}
