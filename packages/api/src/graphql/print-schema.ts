import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { buildHoldspaceSchema, printSortedSchema } from './schema';

/** Writes packages/api/schema.graphql (a test fails when it drifts from the code). */
async function main(): Promise<void> {
  const file = path.resolve(__dirname, '../../../schema.graphql');
  fs.writeFileSync(file, printSortedSchema(await buildHoldspaceSchema()));
  console.log(`Wrote ${file}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
