// Passwords are hashed with argon2id (the library's default algorithm), with
// OWASP's recommended cost: 19 MiB of memory, 2 passes, parallelism 1. Every hash and
// verify goes through one semaphore, so a burst of sign-ins queues instead of
// starving the instance, in lanes that take turns (one per school and kind of
// account for sign-ins: see signInLane), so one school's burst never delays
// another school or its own back office by more than a turn.
import { hash, verify } from "@node-rs/argon2";
import { createSemaphore } from "~/server/security/semaphore";

const COST = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * 4 at once (~80 MiB) on this instance. Up to 3,000 may wait in each lane: a
 * poster burst of 2,000 freshmen of one school, with room to spare, is served
 * slower rather than refused (a verify takes some 25-30 ms of a core: 2,000
 * drain in about 15 seconds on 4 cores, 30 on 2). The per-address limits
 * (sign-in-throttle.ts) let one address add at most 300 a minute.
 */
export const argon2Slots = createSemaphore({ concurrency: 4, queue: 3000 });

export function hashPassword(password: string): Promise<string> {
  return argon2Slots.run(() => hash(password, COST));
}

/** `lane`: whose turn the check waits for (signInLane for a sign-in); other checks share the default lane. */
export async function verifyPassword(passwordHash: string, password: string, lane?: string): Promise<boolean> {
  return argon2Slots.run(async () => {
    try {
      // The cost comes from the stored hash, so an old hash still verifies after COST changes.
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }, lane);
}

// A hash of a password nobody has, with the same cost as real ones: verifying
// against it when there is no real hash keeps the answer's timing the same.
export const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$H7JrAXuFucZUNwDb6NPokQ$OPb1GrZB+xWQ7/8YryJoCoWU49ocKY+6hrBSZD0qSf0";

export async function burnPasswordCheck(password: string, lane?: string): Promise<void> {
  await verifyPassword(DUMMY_HASH, password, lane);
}
