export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as { __holdspaceTestDb?: { stop(): Promise<void> } }).__holdspaceTestDb;
  await db?.stop();
}
