import argon2 from 'argon2';

/**
 * Argon2id at OWASP's minimum recommended cost: 19 MiB of memory, 2 passes,
 * parallelism 1. The encoded hash records its own parameters, so raising them
 * later still verifies older hashes.
 */
export const ARGON2_OPTIONS = {
  type: argon2.argon2id,
  memoryCost: 19 * 1024,
  timeCost: 2,
  parallelism: 1,
} as const;

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, ARGON2_OPTIONS);
}

export async function verifyPassword(hash: string, password: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;
/**
 * A hash to verify against when the email is unknown, so that an unknown
 * email and a wrong password take the same time.
 */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword('holdspace-timing-equaliser-not-a-password');
  return dummyHash;
}
