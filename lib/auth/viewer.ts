import "server-only";
import type { Session } from "next-auth";
import { roleOf } from "./admin-role";

export type Viewer = { userId: string; email: string; role: "CUSTOMER" | "ADMIN" };

/** Who a session is, with the role ADMIN_EMAILS gives its email at this moment. */
export function viewerOf(session: Session | null): Viewer | null {
  if (!session?.user?.email) return null;
  const email = session.user.email.toLowerCase();
  return { userId: session.user.id, email, role: roleOf(email) };
}
