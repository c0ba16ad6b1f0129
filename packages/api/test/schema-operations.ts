import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLSchema,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  isLeafType,
  isObjectType,
  type GraphQLObjectType,
} from 'graphql';
import type { OrganisationFixture } from './fixtures/organisation-fixture';

/** Every query and mutation in the schema: the suites below cover each one, by construction. */
export function schemaOperations(
  schema: GraphQLSchema,
): Array<{ kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }> {
  const ops: Array<{ kind: 'query' | 'mutation'; field: GraphQLField<unknown, unknown> }> = [];
  for (const [kind, type] of [
    ['query', schema.getQueryType()],
    ['mutation', schema.getMutationType()],
  ] as const) {
    for (const field of Object.values(type?.getFields() ?? {})) ops.push({ kind, field });
  }
  return ops.sort((a, b) => a.field.name.localeCompare(b.field.name));
}

/** Whether a type carries an ID somewhere (itself, a list of them, or inside an input). */
function hasId(type: GraphQLInputType, seen = new Set<string>()): boolean {
  const named = getNamedType(type);
  if (named.name === 'ID') return true;
  if (isInputObjectType(named) && !seen.has(named.name)) {
    seen.add(named.name);
    return Object.values(named.getFields()).some((f) => hasId(f.type, seen));
  }
  return false;
}

/** Whether an operation takes ids (top-level or inside inputs): the cross-organisation suite's targets. */
export function takesIds(field: GraphQLField<unknown, unknown>): boolean {
  return field.args.some((a) => hasId(a.type));
}

/**
 * Which of the fixture's records an `id` argument points at, by operation. The
 * fixture's P records are visible to every role that may see individual records,
 * so a refusal is about the role, not about the record.
 */
function targetId(operation: string, argName: string, f: OrganisationFixture): string {
  const byArg: Record<string, string> = {
    membershipId: f.members.ANALYST.membershipId,
    sessionId: f.sessions.p,
    staffId: f.staff.p,
    staffMemberId: f.staff.p,
    ownerStaffMemberId: f.staff.p,
    supervisorId: f.supervisors.internal,
    serviceId: f.services.s1,
  };
  if (argName !== 'id') return byArg[argName] ?? f.staff.p;
  const byOperation: Array<[RegExp, string]> = [
    // Sharing agreements: each operation's agreement in the state it acts on.
    [/^withdrawSharing/, f.sharing.requestedByCommissioner],
    [/^(accept|decline)Sharing/, f.sharing.requestedOfProvider],
    [/^(update|revoke)Sharing/, f.sharing.active],
    [/absence/i, f.absences.p],
    [/agreement/i, f.agreements.p],
    [/action/i, f.actions.p],
    [/externalsupervisor/i, f.supervisors.external],
    [/service$/i, f.services.s1],
    [/erase/i, f.staff.l],
    [/session|didnotattend/i, f.sessions.p],
  ];
  return byOperation.find(([pattern]) => pattern.test(operation))?.[1] ?? f.staff.p;
}

let counter = 0;

/** A plausible value for an argument or input field (validity matters less than reaching the access check). */
function valueFor(
  operation: string,
  name: string,
  type: GraphQLInputType,
  f: OrganisationFixture,
  ids: (arg: string) => string,
  withOptionalIds: boolean,
): unknown {
  if (isNonNullType(type)) return valueFor(operation, name, type.ofType, f, ids, withOptionalIds);
  if (isListType(type)) {
    return [valueFor(operation, name.replace(/Ids$/, 'Id'), type.ofType, f, ids, withOptionalIds)];
  }
  const named = getNamedType(type);
  if (isEnumType(named)) {
    const values = named.getValues().map((v) => v.value as string);
    if (name === 'role') return 'ANALYST';
    if (name === 'status' && values.includes('ALL')) return 'ALL';
    return values[0];
  }
  if (isInputObjectType(named)) {
    const out: Record<string, unknown> = {};
    for (const field of Object.values(named.getFields())) {
      const required = isNonNullType(field.type) && field.defaultValue === undefined;
      if (required || (withOptionalIds && hasId(field.type))) {
        out[field.name] = valueFor(operation, field.name, field.type, f, ids, withOptionalIds);
      }
    }
    return out;
  }
  if (isScalarType(named)) {
    counter++;
    switch (named.name) {
      case 'ID':
        return ids(name);
      case 'LocalDate':
        if (/Month$/.test(name)) return '2026-10-01';
        return /start|from|reviewedOn/i.test(name) ? '2026-10-01' : '2026-10-20';
      case 'Int':
        return /minutes/i.test(name)
          ? 60
          : /first/.test(name)
            ? 10
            : /threshold/i.test(name)
              ? 5
              : /months/i.test(name)
                ? 72
                : 1;
      case 'Float':
        return 1;
      case 'Boolean':
        return name === 'issueBearerToken';
      case 'String':
        if (/email/i.test(name)) return `matrix-${counter}-${Date.now()}@example.org`;
        if (/password/i.test(name)) return 'a long enough password';
        if (/timeZone/.test(name)) return 'Europe/London';
        if (/slug/i.test(name)) return f.slug;
        if (/currency/.test(name)) return 'GBP';
        return `Matrix ${counter}`;
      default:
        return 'x';
    }
  }
  return null;
}

/**
 * A document and variables that call `field` against the fixture: required
 * arguments always; with `withOptionalIds`, also every optional argument or
 * input field that carries ids (filters), so every id path is exercised.
 */
export function callFor(
  kind: 'query' | 'mutation',
  field: GraphQLField<unknown, unknown>,
  f: OrganisationFixture,
  options: {
    idFor?: (operation: string, argName: string) => string;
    withOptionalIds?: boolean;
    /** Select every field without required arguments, a few levels deep (not just __typename). */
    fullSelection?: boolean;
  } = {},
): { document: string; variables: Record<string, unknown> } {
  const idFor = options.idFor ?? ((op: string, arg: string) => targetId(op, arg, f));
  const withOptionalIds = options.withOptionalIds ?? false;
  const args = field.args.filter(
    (a: GraphQLArgument) =>
      (isNonNullType(a.type) && a.defaultValue === undefined) || (withOptionalIds && hasId(a.type)),
  );
  const variables: Record<string, unknown> = {};
  for (const arg of args) {
    variables[arg.name] = valueFor(
      field.name,
      arg.name,
      arg.type,
      f,
      (name) => idFor(field.name, name),
      withOptionalIds,
    );
  }
  const defs = args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
  const call = args.map((a) => `${a.name}: $${a.name}`).join(', ');
  const named = getNamedType(field.type);
  const selection = isLeafType(named)
    ? ''
    : options.fullSelection && isObjectType(named)
      ? ` ${fullSelection(named)}`
      : ' { __typename }';
  return {
    document: `${kind} Op${defs ? `(${defs})` : ''} { ${field.name}${call ? `(${call})` : ''}${selection} }`,
    variables,
  };
}

/** Every field of `type` that takes no required argument, objects to `depth` levels. */
function fullSelection(type: GraphQLObjectType, depth = 4): string {
  const fields: string[] = ['__typename'];
  for (const field of Object.values(type.getFields())) {
    if (field.args.some((a) => isNonNullType(a.type) && a.defaultValue === undefined)) continue;
    const named = getNamedType(field.type);
    if (isLeafType(named)) fields.push(field.name);
    else if (isObjectType(named) && depth > 1) {
      fields.push(`${field.name} ${fullSelection(named, depth - 1)}`);
    }
  }
  return `{ ${fields.join(' ')} }`;
}
