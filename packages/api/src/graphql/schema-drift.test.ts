import fs from 'node:fs';
import path from 'node:path';
import { buildHoldspaceSchema, printSortedSchema } from './schema';

describe('schema.graphql', () => {
  it('is the schema the code builds (run `pnpm --filter @holdspace/api schema` after a change)', async () => {
    const committed = fs.readFileSync(path.resolve(__dirname, '../../schema.graphql'), 'utf8');
    expect(printSortedSchema(await buildHoldspaceSchema())).toBe(committed);
  });
});
