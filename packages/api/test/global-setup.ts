import { startTestDatabase } from './test-database';

export default async function globalSetup(): Promise<void> {
  const db = await startTestDatabase();
  process.env.HOLDSPACE_TEST_OWNER_URL = db.ownerUrl;
  process.env.HOLDSPACE_TEST_APP_URL = db.appUrl;
  (globalThis as { __holdspaceTestDb?: typeof db }).__holdspaceTestDb = db;
}
