import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../../../..');
export const DASHBOARD_DIR = path.join(REPO_ROOT, 'packages/dashboard');
export const DASHBOARD_DIST = path.join(DASHBOARD_DIR, 'dist');
export const API_MAIN = path.join(REPO_ROOT, 'packages/api/dist/src/main.js');
/** Screenshots and the server log (gitignored). */
export const ARTIFACTS_DIR = path.join(DASHBOARD_DIR, 'test-artifacts');

/** Set by the global setup: where the app under test is served. */
export const BASE_URL_ENV = 'HOLDSPACE_E2E_URL';

export function baseUrl(): string {
  const url = process.env[BASE_URL_ENV];
  if (!url)
    throw new Error(`${BASE_URL_ENV} is not set: run the e2e tests with jest.e2e.config.cjs`);
  return url.replace(/\/$/, '');
}
