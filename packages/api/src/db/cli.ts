import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { deleteOrganisation } from '../organisations/delete-organisation';
import { createDataSource } from './data-source';

/**
 * Database commands for developers and operators (DATABASE_URL: the owner's connection):
 *   generate <Name>  writes a migration for the difference between the entities
 *                    and the database at DATABASE_URL (after applying existing ones).
 *   migrate          applies pending migrations to DATABASE_URL.
 *   delete-organisation <id> <address>
 *                    erases the organisation with that id and every row it holds, in one
 *                    transaction; <address> (its slug) must match (docs/security.md).
 */
async function main(): Promise<void> {
  const [command, name] = process.argv.slice(2);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to the owner connection of a scratch database.');
  const ds = createDataSource(url, { applicationName: 'holdspace-db-cli', poolSize: 1 });
  await ds.initialize();
  try {
    await ds.runMigrations();
    if (command === 'migrate') return;
    if (command === 'delete-organisation') {
      const [id, slug] = process.argv.slice(3);
      if (!id || !slug) throw new Error('usage: cli delete-organisation <id> <address>');
      const deletion = await deleteOrganisation(ds, id, slug);
      console.log(`Deleted ${deletion.name} (${deletion.slug}, ${deletion.kind}). Rows removed:`);
      for (const [table, rows] of Object.entries(deletion.rows)) {
        if (rows > 0) console.log(`  ${table}: ${rows}`);
      }
      return;
    }
    if (command !== 'generate' || !name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
      throw new Error(
        'usage: cli generate <PascalCaseName> | migrate | delete-organisation <id> <address>',
      );
    }
    const sql = await ds.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('No changes: the database matches the entities.');
      return;
    }
    const stamp = Date.now();
    const className = `${name}${stamp}`;
    const q = (query: { query: string; parameters?: unknown[] }) =>
      `    await queryRunner.query(${JSON.stringify(query.query)}${query.parameters?.length ? `, ${JSON.stringify(query.parameters)}` : ''});`;
    const body = `import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  name = '${className}';

  public async up(queryRunner: QueryRunner): Promise<void> {
${sql.upQueries.map(q).join('\n')}
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
${sql.downQueries.reverse().map(q).join('\n')}
  }
}
`;
    const file = path.resolve(__dirname, '../../../src/db/migrations', `${stamp}-${name}.ts`);
    fs.writeFileSync(file, body);
    console.log(
      `Wrote ${path.relative(process.cwd(), file)}; add it to src/db/migrations/index.ts.`,
    );
  } finally {
    await ds.destroy();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
