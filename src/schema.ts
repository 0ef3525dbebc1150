import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const SCHEMA_FOLDER = path.join(__dirname, '..', 'schema');

/** The published SDL: base.graphql first, then every domain file in name order. */
export function loadTypeDefs(): string {
  const files = readdirSync(SCHEMA_FOLDER)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => (a === 'base.graphql' ? -1 : b === 'base.graphql' ? 1 : a.localeCompare(b)));
  return files.map((f) => readFileSync(path.join(SCHEMA_FOLDER, f), 'utf8')).join('\n');
}
