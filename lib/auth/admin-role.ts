import "server-only";
import { config } from "@/lib/config";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

/**
 * ADMIN_EMAILS alone makes an admin, read at every request: removing an address takes the role
 * away at once, from sessions already open too.
 */
export function roleOf(email: string): Role {
  return config().adminEmails.includes(email.toLowerCase()) ? "ADMIN" : "CUSTOMER";
}

/** Keeps User.role, which nothing decides on, the same as roleOf so the table never misleads. */
export async function syncStoredRole(user: { id: string; email: string; role?: Role }) {
  const role = roleOf(user.email);
  if (user.role !== role) await db.user.update({ where: { id: user.id }, data: { role } });
  return role;
}
