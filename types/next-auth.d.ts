import type { DefaultSession } from "next-auth";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; role: "CUSTOMER" | "ADMIN" } & Omit<
      NonNullable<DefaultSession["user"]>,
      "email"
    >;
  }
  interface User {
    role?: "CUSTOMER" | "ADMIN";
  }
}
