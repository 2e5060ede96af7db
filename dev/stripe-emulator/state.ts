import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Objects are kept as plain JSON shaped like Stripe's API objects (see ../shared/fixtures/stripe).
export type Json = Record<string, unknown>;

export type Delivery = {
  eventId: string;
  type: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  delivered: boolean;
};

export type EmulatorState = {
  sessions: Record<string, Json>;
  lineItems: Record<string, Json[]>;
  paymentIntents: Record<string, Json>;
  charges: Record<string, Json>;
  events: Json[];
  deliveries: Delivery[];
};

export const emptyState = (): EmulatorState => ({
  sessions: {},
  lineItems: {},
  paymentIntents: {},
  charges: {},
  events: [],
  deliveries: [],
});

/** State kept in memory, and in `file` when given so sessions survive `npm run dev` restarts. */
export class StateStore {
  readonly state: EmulatorState;

  constructor(private readonly file?: string) {
    this.state =
      file && existsSync(file)
        ? (JSON.parse(readFileSync(file, "utf8")) as EmulatorState)
        : emptyState();
  }

  save() {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(this.state));
  }
}
