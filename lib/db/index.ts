export { db, type Db, type Tx } from "./client";
export * from "@/lib/generated/prisma/client";
