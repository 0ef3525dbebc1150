import { sql, type SQL } from 'drizzle-orm';
import { boolean, char, check, date, index, pgEnum, pgTable, text, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { id, provenance, timestamps } from './columns';
import { provinceOf, regions } from './regions';

export const organizationType = pgEnum('organization_type', [
  'SOCIAL_GROUP',
  'SOCIAL_SERVICE_AGENCY',
  'FOUNDATION',
  'COMMUNITY_ORGANIZATION',
  'ENTERPRISE',
  'GOVERNMENT_AGENCY',
  'OTHER',
]);

/** 分类管理: registered by law, filed with the township/street, or guided by the community. */
export const registrationStatus = pgEnum('registration_status', [
  'REGISTERED',
  'FILED',
  'COMMUNITY_GUIDED',
  'DEREGISTERED',
]);

/** 社会组织评估等级, 5A highest. */
export const evaluationGrade = pgEnum('evaluation_grade', ['GRADE_5A', 'GRADE_4A', 'GRADE_3A', 'GRADE_2A', 'GRADE_1A']);

export const serviceArea = pgEnum('service_area', [
  'ELDERLY_CARE',
  'CHILD_WELFARE',
  'DISABILITY_SERVICES',
  'POVERTY_ALLEVIATION',
  'EDUCATION',
  'HEALTH',
  'ENVIRONMENT',
  'COMMUNITY_SERVICE',
  'CULTURE',
  'PUBLIC_SAFETY',
  'DISASTER_RELIEF',
  'VOLUNTEERING',
  'LEGAL_AID',
  'CAPACITY_BUILDING',
]);

/** 重点群体 of care services, as the 2021–2023 special action plan lists them. */
export const targetGroup = pgEnum('target_group', [
  'SUBSISTENCE_ALLOWANCE_RECIPIENTS',
  'EXTREMELY_POOR',
  'EMPTY_NEST_ELDERLY',
  'RURAL_LEFT_BEHIND',
  'CHILDREN_IN_DIFFICULTY',
  'PEOPLE_WITH_DISABILITIES',
  'MIGRANT_WORKERS_AND_CHILDREN',
]);

export const organizations = pgTable(
  'organizations',
  {
    id: id(),
    name: text('name').notNull(),
    /** The name in English (nameColumns); null until fillOrganizationNameColumns writes it. */
    nameEn: text('name_en'),
    /** The text name searches match (searchText: pinyin, initials, English); null until written, as nameEn. */
    searchText: text('search_text'),
    type: organizationType('type').notNull(),
    registrationStatus: registrationStatus('registration_status').notNull(),
    /** 统一社会信用代码 (GB 32100-2015); null where the organization has none or it is unknown. */
    creditCode: char('credit_code', { length: 18 }).unique(),
    regionCode: char('region_code', { length: 6 }).references(() => regions.code, { onDelete: 'restrict' }),
    /**
     * The province of regionCode, kept by PostgreSQL (a stored generated column): a province filter
     * is its equality, which an index with a list's order walks in that order.
     */
    provinceCode: char('province_code', { length: 6 }).generatedAlwaysAs((): SQL =>
      provinceOf(organizations.regionCode),
    ),
    foundedOn: date('founded_on'),
    serviceAreas: serviceArea('service_areas')
      .array()
      .notNull()
      .default(sql`'{}'`),
    targetGroups: targetGroup('target_groups')
      .array()
      .notNull()
      .default(sql`'{}'`),
    evaluationGrade: evaluationGrade('evaluation_grade'),
    /** GB/T 4754 section letter, A–T. */
    industry: char('industry', { length: 1 }),
    /** true where the industry was assigned from what the source says of the organization, not stated by it */
    industryInferred: boolean('industry_inferred').notNull().default(false),
    /** The legal person (法人) this organization is a branch (分支机构) of; null for a legal person itself. */
    legalPersonId: uuid('legal_person_id').references((): AnyPgColumn => organizations.id, { onDelete: 'restrict' }),
    /** The hub or incubation base that incubated this organization. */
    incubatorId: uuid('incubator_id').references((): AnyPgColumn => organizations.id, { onDelete: 'set null' }),
    ...provenance(),
    ...timestamps(),
  },
  (t) => [
    check('organizations_industry_section', sql`${t.industry} between 'A' and 'T'`),
    check('organizations_credit_code_format', sql`${t.creditCode} ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'`),
    check('organizations_not_own_incubator', sql`${t.incubatorId} <> ${t.id}`),
    check('organizations_not_own_legal_person', sql`${t.legalPersonId} <> ${t.id}`),
    check(
      'organizations_industry_inferred_needs_industry',
      sql`not ${t.industryInferred} or ${t.industry} is not null`,
    ),
    index('organizations_name_id_idx').on(t.name, t.id),
    index('organizations_created_at_id_idx').on(t.createdAt, t.id),
    index('organizations_founded_on_id_idx').on(sql`coalesce(${t.foundedOn}, '-infinity'::date)`, t.id),
    // a city's or a county's range (a province is provinceCode's equality, below), and with it the
    // documented combination (types, a region, provenance) counted from the index alone
    index('organizations_region_code_type_provenance_kind_idx').on(t.regionCode, t.type, t.provenanceKind),
    // a province's organizations in each order, read in that order and stopped after a page (by name
    // 0.15 ms, where the name index walked 1,539 rows to find 21 of a province's 204 foundations and
    // social groups, 1.3–1.8 ms), and the documented combination counted from an index alone
    index('organizations_province_code_name_id_idx').on(t.provinceCode, t.name, t.id),
    index('organizations_province_code_founded_on_id_idx').on(
      t.provinceCode,
      sql`coalesce(${t.foundedOn}, '-infinity'::date)`,
      t.id,
    ),
    index('organizations_province_code_created_at_id_idx').on(t.provinceCode, t.createdAt, t.id),
    index('organizations_province_code_type_provenance_kind_idx').on(t.provinceCode, t.type, t.provenanceKind),
    index('organizations_type_idx').on(t.type),
    index('organizations_industry_idx').on(t.industry),
    index('organizations_incubator_id_idx').on(t.incubatorId),
    index('organizations_legal_person_id_idx').on(t.legalPersonId),
    index('organizations_service_areas_idx').using('gin', t.serviceAreas),
    index('organizations_search_text_idx').using('gin', t.searchText.op('gin_trgm_ops')),
    // one per filter: a filtered page's plan has an index to read instead of the whole table
    index('organizations_registration_status_idx').on(t.registrationStatus),
    index('organizations_evaluation_grade_idx').on(t.evaluationGrade),
    index('organizations_provenance_kind_idx').on(t.provenanceKind),
    /** the records citing a source (`Source.supports`); generated rows cite none */
    index('organizations_source_id_idx')
      .on(t.sourceId)
      .where(sql`${t.sourceId} is not null`),
  ],
);
