/**
 * The change policy of API.md: a change that removes or retypes something, or makes an argument
 * required, is breaking; it may land only by removing what the published schema had deprecated
 * with a reason naming `removal on YYYY-MM-DD`, once that day has come. A new deprecation must
 * name a removal day at least a quarter (90 days) away.
 *
 * `npm run schema:check` compares schema/ with the snapshot in schema/published/ and fails on a
 * violation; `npm run schema:publish` replaces the snapshot with the current schema.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CriticalityLevel, diff } from '@graphql-inspector/core';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  printSchema,
  type GraphQLSchema,
} from 'graphql';
import { loadTypeDefs } from '../src/schema';

export const SNAPSHOT = path.join(__dirname, '..', 'schema', 'published', 'schema.graphql');
export const REMOVAL_DATE = /removal on (\d{4}-\d{2}-\d{2})/;
const QUARTER_DAYS = 90;

export interface Violation {
  path: string;
  message: string;
}

/** The deprecation reason of a field, argument, input field or enum value at `path` (Type.member[.argument]). */
function deprecationOf(schema: GraphQLSchema, at: string): string | null | undefined {
  const [typeName, member, argument] = at.split('.');
  const type = schema.getType(typeName ?? '');
  if (!type || !member) return undefined;
  if (isEnumType(type)) return type.getValue(member)?.deprecationReason;
  if (isInputObjectType(type)) return type.getFields()[member]?.deprecationReason;
  if (isObjectType(type) || isInterfaceType(type)) {
    const field = type.getFields()[member];
    return argument ? field?.args.find((a) => a.name === argument)?.deprecationReason : field?.deprecationReason;
  }
  return undefined;
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export async function policyViolations(
  published: GraphQLSchema,
  current: GraphQLSchema,
  today: string,
): Promise<Violation[]> {
  const violations: Violation[] = [];
  for (const change of await diff(published, current)) {
    const at = change.path ?? '';
    if (change.criticality.level === CriticalityLevel.Breaking) {
      const removal = REMOVAL_DATE.exec(deprecationOf(published, at) ?? '')?.[1];
      if (!removal) {
        violations.push({
          path: at,
          message: `${change.message}: breaking, and not deprecated first with "removal on YYYY-MM-DD"`,
        });
      } else if (removal > today) {
        violations.push({
          path: at,
          message: `${change.message}: its deprecation announced removal on ${removal}, not before`,
        });
      }
    } else if (change.type.endsWith('_DEPRECATION_ADDED') || change.type.endsWith('_DEPRECATION_REASON_CHANGED')) {
      const member = at.replace(/\.@deprecated$/, '');
      const removal = REMOVAL_DATE.exec(deprecationOf(current, member) ?? '')?.[1];
      const earliest = addDays(today, QUARTER_DAYS);
      if (!removal || removal < earliest) {
        violations.push({
          path: member,
          message: `a deprecation must say "removal on YYYY-MM-DD" no earlier than ${earliest}`,
        });
      }
    }
  }
  return violations;
}

export function currentSchema(): GraphQLSchema {
  return buildSchema(loadTypeDefs());
}

async function main(): Promise<void> {
  if (process.argv.includes('--publish')) {
    writeFileSync(SNAPSHOT, printSchema(currentSchema()));
    process.stdout.write(`published schema written to ${path.relative(process.cwd(), SNAPSHOT)}\n`);
    return;
  }
  const today = new Date().toISOString().slice(0, 10);
  const violations = await policyViolations(buildSchema(readFileSync(SNAPSHOT, 'utf8')), currentSchema(), today);
  for (const v of violations) process.stderr.write(`schema change policy: ${v.path}: ${v.message}\n`);
  if (violations.length) process.exit(1);
  process.stdout.write('schema/ keeps the change policy against the published snapshot\n');
}

if (require.main === module) void main();
