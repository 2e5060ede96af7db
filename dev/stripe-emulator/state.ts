import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// Objects are kept as plain JSON shaped like Stripe API objects (https://docs.stripe.com/api).
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
  disputes: Record<string, Json>;
  events: Json[];
  deliveries: Delivery[];
};

export const emptyState = (): EmulatorState => ({
  sessions: {},
  lineItems: {},
  paymentIntents: {},
  charges: {},
  disputes: {},
  events: [],
  deliveries: [],
});

/** State kept in memory, and in `file` when given so sessions survive `npm run dev` restarts. */
export class StateStore {
  readonly state: EmulatorState;

  constructor(private readonly file?: string) {
    this.state =
      file && existsSync(file)
        ? // A state file from an older emulator lacks the collections added since.
          { ...emptyState(), ...(JSON.parse(readFileSync(file, "utf8")) as Partial<EmulatorState>) }
        : emptyState();
  }

  save() {
    if (!this.file) return;
    mkdirSync(path.dirname(this.file), { recursive: true });
    writeFileSync(this.file, JSON.stringify(this.state));
  }
}
