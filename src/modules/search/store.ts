import { sql } from 'drizzle-orm';
import { rows, type Db } from '../../db/client';
import { organizations } from '../../db/schema';
import { nameColumns } from '../organizations/name-columns';

/**
 * Writes the name columns (nameColumns) of every organization stored without them, such as rows
 * written before the columns existed, 1,000 at a time; returns how many.
 */
export async function fillOrganizationNameColumns(db: Db): Promise<number> {
  let filled = 0;
  for (;;) {
    const batch = await rows<{ id: string; name: string }>(
      db,
      sql`select id, name from ${organizations} where ${organizations.searchText} is null or ${organizations.nameEn} is null
          order by id limit 1000`,
    );
    if (batch.length === 0) return filled;
    const columns = batch.map((o) => nameColumns(o.name));
    await db.execute(
      sql`update ${organizations} set name_en = v.name_en, search_text = v.search_text
          from unnest(${sql.param(batch.map((o) => o.id))}::uuid[], ${sql.param(columns.map((c) => c.nameEn))}::text[],
                      ${sql.param(columns.map((c) => c.searchText))}::text[]) as v(id, name_en, search_text)
          where ${organizations.id} = v.id`,
    );
    filled += batch.length;
  }
}
