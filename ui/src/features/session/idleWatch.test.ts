// Tests of the idle/sleep watch on its own: a tick more than 2 minutes late locks the session
// (session_lock) without asking session_current; stopping the watch stops the checks.
import { afterEach, describe, expect, it, vi } from "vitest";
import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { startIdleWatch } from "./idleWatch";

afterEach(() => {
  clearMocks();
  vi.useRealTimers();
});

async function settle() {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
}

describe("idle watch", () => {
  it("locks at once when a tick comes more than 2 minutes late (the computer slept)", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const used: string[] = [];
    mockIPC((cmd) => {
      used.push(cmd);
      return cmd === "session_current" ? { user_id: "u", username: "u", display_name: "U", role: "sales" } : null;
    });
    let clock = 0;
    const onlocked = vi.fn();
    const stop = startIdleWatch({ onlocked, now: () => clock });

    clock += 30_000;
    vi.advanceTimersByTime(30_000);
    await settle();
    expect(used).toEqual(["session_current"]);
    expect(onlocked).not.toHaveBeenCalled();

    clock += 30_000 + 121_000; // the tick arrives 2 min 1 s late
    vi.advanceTimersByTime(30_000);
    await settle();
    expect(used).toEqual(["session_current", "session_lock"]);
    expect(onlocked).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(90_000);
    await settle();
    expect(used).toHaveLength(2);
    stop();
  });

  it("does nothing after it is stopped", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    const used: string[] = [];
    mockIPC((cmd) => {
      used.push(cmd);
      return null;
    });
    const stop = startIdleWatch({ onlocked: () => {} });
    stop();
    vi.advanceTimersByTime(300_000);
    await settle();
    expect(used).toEqual([]);
  });
});
