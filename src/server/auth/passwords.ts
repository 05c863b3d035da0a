// Passwords are hashed with argon2id (the library's default algorithm), with
// OWASP's recommended cost: 19 MiB of memory, 2 passes, 1 lane. Every hash and
// verify goes through one small semaphore, so a burst of sign-ins queues a
// little and is then refused with SERVER_BUSY instead of starving the instance.
import { hash, verify } from "@node-rs/argon2";
import { createSemaphore } from "~/server/security/semaphore";

const COST = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/** 4 at once (~80 MiB) on this instance; 32 more may wait, a second or two at most. */
export const argon2Slots = createSemaphore({ concurrency: 4, queue: 32 });

export function hashPassword(password: string): Promise<string> {
  return argon2Slots.run(() => hash(password, COST));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return argon2Slots.run(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

// A hash of a password nobody has, with the same cost as real ones: verifying
// against it when there is no real hash keeps the answer's timing the same.
export const DUMMY_HASH = "$argon2id$v=19$m=19456,t=2,p=1$H7JrAXuFucZUNwDb6NPokQ$OPb1GrZB+xWQ7/8YryJoCoWU49ocKY+6hrBSZD0qSf0";

export async function burnPasswordCheck(password: string): Promise<void> {
  await verifyPassword(DUMMY_HASH, password);
}
