import path from "node:path";

/** The accounts the setup project signs in once; their sessions are saved for every journey. */
export const ADMIN = {
  email: "admin@keyfront.test",
  storageState: path.resolve("e2e/.auth/admin.json"),
};
export const CUSTOMER = {
  email: "signed-in-customer@example.com",
  storageState: path.resolve("e2e/.auth/customer.json"),
};
