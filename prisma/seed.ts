import { config } from "@/lib/config";
import { db } from "@/lib/db";
import { seedDemoCatalog } from "./seed/seed-demo-catalog";

const { seeded } = await seedDemoCatalog({
  db,
  storageDir: config().storageDir,
  log: (line) => console.log(`db:seed: ${line}`),
});
console.log(seeded ? "db:seed: demo catalog created" : "db:seed: catalog not empty, nothing to do");
await db.$disconnect();
