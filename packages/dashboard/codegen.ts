import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator, client preset.
 *
 * Reads the API's committed schema and every `.graphql` operation under `src/`
 * (one file per page or component) and writes typed documents
 * (`TypedDocumentNode`) into `src/gql/`. The output is committed; run
 * `pnpm --filter @holdspace/dashboard codegen` after changing an operation or
 * the schema, and CI fails on drift.
 */
const config: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/**/*.graphql'],
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: {
        // Operations live in .graphql files and are used through their
        // generated `...Document` exports, so no fragment-masking helpers.
        fragmentMasking: false,
      },
      config: {
        scalars: { DateTimeISO: 'string', LocalDate: 'string' },
        strictScalars: true,
        enumType: 'string-literal',
        useTypeImports: true,
        // Apollo Client always adds __typename to selections.
        nonOptionalTypename: true,
        skipTypeNameForRoot: true,
      },
    },
  },
};

export default config;
