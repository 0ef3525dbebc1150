import { writeFile } from 'node:fs/promises';
import { DATA_DOC, renderDataDoc } from '../docs/data-doc';

/** `npm run docs:data`: writes docs/data.md from the seed articles' data. */
async function main(): Promise<void> {
  await writeFile(DATA_DOC, await renderDataDoc());
  process.stdout.write(`wrote ${DATA_DOC}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
