import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.resolve(__dirname, '../../..');

/** No Docker engine runs here, so the deployment files are checked for structure. */
describe('docker-compose.yml', () => {
  const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'));

  it('runs PostgreSQL 15 or later with a pg_isready healthcheck', () => {
    const pg = compose.services.postgres;
    expect(Number(/postgres:(\d+)/.exec(pg.image)?.[1])).toBeGreaterThanOrEqual(15);
    expect(pg.healthcheck.test.join(' ')).toContain('pg_isready');
    expect(pg.volumes.join(' ')).toContain('/var/lib/postgresql/data');
  });

  it('builds the API from the repository’s Dockerfile and waits for a healthy database', () => {
    const api = compose.services.api;
    expect(fs.existsSync(path.join(root, api.build.context, api.build.dockerfile))).toBe(true);
    expect(api.depends_on.postgres.condition).toBe('service_healthy');
    expect(api.environment.DATABASE_URL).toMatch(/@postgres:5432\//);
    expect(api.environment.NODE_ENV).toBe('production');
    expect(api.environment.APP_DB_PASSWORD).toBeDefined();
  });

  it('has a Dockerfile that runs the built server, which migrates at start', () => {
    const dockerfile = fs.readFileSync(path.join(root, 'packages/api/Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/CMD \["node", "dist\/src\/main\.js"\]/);
    expect(dockerfile).toMatch(/USER node/);
    const server = fs.readFileSync(path.join(root, 'packages/api/src/server.ts'), 'utf8');
    expect(server).toContain('await migrate(database.ownerUrl)');
  });
});
