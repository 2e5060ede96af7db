import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export type RunState = {
  launcherPid: number;
  childPids: number[];
  databaseUrl: string;
  appUrl: string;
  stripeEmulatorUrl?: string;
};

const fileIn = (dataDir: string) => path.join(dataDir, "run.json");

export function writeRunState(dataDir: string, state: RunState) {
  writeFileSync(fileIn(dataDir), JSON.stringify(state, null, 2));
}

export function readRunState(dataDir: string): RunState | undefined {
  const file = fileIn(dataDir);
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as RunState) : undefined;
}

export function clearRunState(dataDir: string) {
  rmSync(fileIn(dataDir), { force: true });
}

function alive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A launcher killed with SIGKILL leaves its Next server running, holding the port and talking to
 * a database that is gone. The next launcher ends those processes before starting its own.
 */
export async function stopStaleRun(dataDir: string, log: (line: string) => void) {
  const state = readRunState(dataDir);
  if (!state || alive(state.launcherPid)) {
    if (state && state.launcherPid !== process.pid && alive(state.launcherPid)) {
      throw new Error(
        `Another Keyfront launcher (pid ${state.launcherPid}) is running on ${state.appUrl}. ` +
          "Stop it first, or use another DATA_DIR.",
      );
    }
    return;
  }
  const leftovers = state.childPids.filter(alive);
  for (const pid of leftovers) {
    log(`stopping process ${pid} left over from a previous run`);
    try {
      process.kill(-pid, "SIGTERM");
    } catch {
      process.kill(pid, "SIGTERM");
    }
  }
  const deadline = Date.now() + 5_000;
  while (leftovers.some(alive) && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 100));
  for (const pid of leftovers.filter(alive)) process.kill(pid, "SIGKILL");
  clearRunState(dataDir);
}
