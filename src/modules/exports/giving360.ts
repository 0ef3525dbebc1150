import { sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { donations, organizations, sources } from '../../db/schema';
import { globalId, instant, type SqlField } from '../compiled-reads/fields';
import { DONATION_PURPOSE_NAMES } from '../donations/value-names';

/**
 * A donation as a 360Giving grant (standard 1.4, `../shared/standards/360giving/`), built in SQL
 * as one JSON object per row. Organizations are identified as org-id.guide says for China:
 * `CN-USCI-<unified social credit code>` where they have one, else `XI-GONGYI-<global ID>`; a
 * donor that is not an organization here (a person, a company not in the dataset) as
 * `XI-GONGYI-NAME-<md5 of its name>`, the same for every gift of that name; an unreported
 * recipient as UNKNOWN_RECIPIENT. Amounts are the numeric columns themselves, which PostgreSQL
 * writes into JSON as their exact decimal text, never through a float. Null members are dropped
 * (`json_strip_nulls`): the standard has no nulls for them. The award date is the pledge's, else
 * the day its source reported it, else the day it was recorded here.
 */
export const donor = alias(organizations, 'donor');
export const recipient = alias(organizations, 'recipient');

/** The joins the grant's organizations and award date need. */
export const GIVING360_JOINS = sql`left join ${organizations} as ${donor} on ${donor.id} = ${donations.donorId}
  left join ${organizations} as ${recipient} on ${recipient.id} = ${donations.recipientId}
  left join ${sources} on ${sources.id} = ${donations.sourceId}`;

/** Publisher prefix of grant identifiers (360Giving's `360G-` plus this dataset's name). */
export const GRANT_ID_PREFIX = '360G-gongyi-';

/**
 * The recipient of a grant whose recipient was not reported (most of the COVID-19 corporate
 * gifts, announced as given "to the epidemic response"): the standard requires one, and an
 * explicit stand-in says so instead of guessing.
 */
export const UNKNOWN_RECIPIENT = {
  id: 'XI-GONGYI-RECIPIENT-NOT-REPORTED',
  name: '受赠方未公开 (recipient not reported)',
};

/** The vocabulary of a grant's purpose classification. */
const PURPOSE_VOCABULARY = 'gongyi-graph:DonationPurpose';

/** A global ID, through the one function the API's SQL writes them with. */
const idOf = (type: 'Donation' | 'Organization', key: SQL) => valueOf(globalId(type, donations.id), key);

/** An instant as the API writes it. */
const instantOf = (value: SQL) => valueOf(instant(donations.updatedAt), value);

/** A value field's SQL over `key` in place of its one column. */
function valueOf(field: SqlField, key: SQL): SQL {
  if (field.kind !== 'value') throw new Error('not a value field');
  return field.json({ column: () => key });
}

function organizationId(org: typeof donor | typeof recipient): SQL {
  return sql`case when ${org.creditCode} is not null then 'CN-USCI-' || ${org.creditCode}
    else 'XI-GONGYI-' || ${idOf('Organization', sql`${org.id}`)} end`;
}

const purposeTitle = sql`(case ${donations.purpose} ${sql.join(
  Object.entries(DONATION_PURPOSE_NAMES).map(([code, name]) => sql.raw(`when '${code}' then '${name}'`)),
  sql` `,
)} end)`;

export const GIVING360_GRANT: SQL = sql`json_strip_nulls(json_build_object(
  'id', ${GRANT_ID_PREFIX} || ${idOf('Donation', sql`${donations.id}`)},
  'title', ${donations.donorName} || coalesce(' → ' || ${recipient.name}, ''),
  'description', ${purposeTitle} || coalesce('：' || ${donations.inKindDescription}, ''),
  'currency', ${donations.currency},
  'amountAwarded', ${donations.total},
  'amountDisbursed', ${donations.delivered},
  'awardDate', coalesce(${donations.pledgedOn}, ${sources.publishedOn},
    (${donations.createdAt} at time zone 'UTC')::date)::text,
  'fundingOrganization', json_build_array(json_build_object(
    'id', case when ${donor.id} is null then 'XI-GONGYI-NAME-' || md5(${donations.donorName})
      else ${organizationId(donor)} end,
    'name', coalesce(${donor.name}, ${donations.donorName}))),
  'recipientOrganization', json_build_array(case when ${recipient.id} is null
    then json_build_object('id', ${UNKNOWN_RECIPIENT.id}::text, 'name', ${UNKNOWN_RECIPIENT.name}::text)
    else json_build_object('id', ${organizationId(recipient)}, 'name', ${recipient.name}) end),
  'classifications', json_build_array(json_build_object(
    'vocabulary', ${PURPOSE_VOCABULARY}::text, 'code', ${donations.purpose}, 'title', ${purposeTitle})),
  'dateModified', ${instantOf(sql`${donations.updatedAt}`)}
))::text`;

/** The package around the grants: everything before the first grant. */
export function giving360Head(exportGlobalId: string, issued: Date): string {
  const meta = {
    version: '1.4',
    title: 'gongyi-graph donations',
    description: 'Donations from gongyi-graph, one 360Giving grant per donation.',
    identifier: exportGlobalId,
    issued: issued.toISOString(),
    publisher: { name: 'gongyi-graph' },
  };
  return `${JSON.stringify(meta).slice(0, -1)},"grants":[\n`;
}

export const GIVING360_SEPARATOR = ',\n';
export const GIVING360_TAIL = '\n]}\n';
