import { Max, Min, IsOptional, IsString, MaxLength } from 'class-validator';
import { type ClassType, Field, InputType, Int, ObjectType } from 'type-graphql';
import { badInput } from '../errors/app-errors';

/** Every list is a page; no client can ask for more than this at once. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 25;

@InputType()
export class PageInput {
  @Field(() => Int, { defaultValue: DEFAULT_PAGE_SIZE, description: `1 to ${MAX_PAGE_SIZE}.` })
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  first: number = DEFAULT_PAGE_SIZE;

  @Field(() => String, { nullable: true, description: 'The endCursor of the previous page.' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  after?: string | null;
}

@ObjectType()
export class PageInfo {
  @Field()
  hasNextPage: boolean;

  @Field(() => String, { nullable: true })
  endCursor: string | null;
}

export interface Page<T> {
  edges: Array<{ cursor: string; node: T }>;
  nodes: T[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay-style connection type for `Node`, named `<name>Connection`. */
export function Connection<T extends object>(Node: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`)
  class Edge {
    @Field()
    cursor: string;

    @Field(() => Node)
    node: T;
  }

  @ObjectType(`${name}Connection`)
  class ConnectionClass implements Page<T> {
    @Field(() => [Edge])
    edges: Edge[];

    @Field(() => [Node])
    nodes: T[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'All matching records, across pages.' })
    totalCount: number;
  }
  return ConnectionClass;
}

/** Opaque cursor: the sort key values of the last row, base64url JSON. */
export function encodeCursor(values: readonly unknown[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string, length: number): unknown[] {
  try {
    const values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(values) &&
      values.length === length &&
      values.every((v) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    ) {
      return values;
    }
  } catch {
    // fall through
  }
  throw badInput('page.after', 'The cursor is not valid; start again from the first page.');
}

/**
 * Builds a page from `rows` fetched with `LIMIT first + 1` in keyset order:
 * the extra row only tells whether there is a next page.
 */
export function toPage<T>(
  rows: T[],
  first: number,
  totalCount: number,
  keyOf: (row: T) => unknown[],
): Page<T> {
  const nodes = rows.slice(0, first);
  const edges = nodes.map((node) => ({ cursor: encodeCursor(keyOf(node)), node }));
  return {
    edges,
    nodes,
    pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount,
  };
}
