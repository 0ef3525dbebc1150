import { loadRegions } from '../../../src/db/reference/regions';
import { reportedOrganizations } from '../../../src/db/seed/reported';
import { LARGE, SMALL, SyntheticWorld, type SyntheticOptions } from '../../../src/db/seed/synthetic';

type Made = ReturnType<typeof make>;

/** Every row the generator makes for `options`, in memory and in the order loadSynthetic inserts them. */
function make(options: SyntheticOptions) {
  const world = new SyntheticWorld(options);
  const organizations = Array.from({ length: options.organizations }, (_, i) => world.organization(i));
  const projects = Array.from({ length: options.projects }, (_, i) => world.project(i, []));
  const donations = Array.from({ length: options.donations }, (_, i) => world.donation(i, []));
  const trainingSessions = Array.from({ length: options.trainingSessions }, (_, i) => world.trainingSession(i));
  return { organizations, projects, donations, trainingSessions };
}

/**
 * The large set's organizations and training sessions in full; donations to its organizations and to
 * the first tenth of its projects, 20,000 of them and none kept for the one big project (each donation
 * needs only what was made before it), so that the suite takes seconds.
 */
const PARTS = {
  large: make({ ...LARGE, projects: LARGE.projects / 10, donations: 20_000, bigProjectDonations: 0 }),
  small: make(SMALL),
};

const regions = new Map(loadRegions().map((r) => [r.code, r]));

/** The names of a county, its city and its province, with and without 市/省, longest first. */
function placeNames(countyCode: string): string[] {
  const chain = [countyCode, regions.get(countyCode)?.parentCode, `${countyCode.slice(0, 2)}0000`];
  const names = chain.flatMap((code) => {
    const name = code ? regions.get(code)?.name : undefined;
    return name ? [name, name.replace(/[市省]$/, '')] : [];
  });
  return names.sort((a, b) => b.length - a.length);
}

/** An organization's name without the real place names it starts with: what the generator made up. */
function inventedPart(name: string, regionCode: string): string {
  return placeNames(regionCode).reduce((rest, place) => rest.split(place).join(''), name);
}

/** Words that name government, party and people's-organization bodies, or claim a national standing. */
const PUBLIC_BODY =
  /红十字|民政|慈善总会|慈善联合会|政府|委员会|党委|党组|党支部|共产党|街道|办事处|局$|厅$|工会|妇女联合会|妇联|共青团|团委|青年联合会|残疾人联合会|残联|科学技术协会|科协|工商业联合会|工商联|侨联|文联|中国|中华|全国|国家|福利院|指导中心/;

describe.each(Object.entries(PARTS))('the %s synthetic set', (_size, made: Made) => {
  it('names no organization like a government, party or people’s-organization body', () => {
    const invented = made.organizations.map((o) => inventedPart(o.name, o.regionCode!));
    expect(invented.filter((name) => PUBLIC_BODY.test(name))).toEqual([]);
    expect(made.organizations.filter((o) => o.type === 'GOVERNMENT_AGENCY')).toEqual([]);
  });

  it('names no organization after a reported one, nor gives an enterprise a reported brand', () => {
    const reported = reportedOrganizations.map((o) => o.name);
    expect(made.organizations.filter((o) => reported.includes(o.name))).toEqual([]);
    const brands = made.organizations
      .filter((o) => o.type === 'ENTERPRISE')
      .map((o) => inventedPart(o.name, o.regionCode!).slice(0, 2));
    expect(brands.length).toBeGreaterThan(0);
    expect(brands.filter((brand) => reported.some((name) => name.includes(brand)))).toEqual([]);
  });

  it('pledges no COVID-19 donation before 2020, nor after the epidemic response ended', () => {
    const epidemic = made.donations.filter((d) => d.purpose === 'EPIDEMIC_RESPONSE');
    expect(epidemic.length).toBeGreaterThan(0);
    expect(epidemic.filter((d) => !(d.pledgedOn! >= '2020-01-20' && d.pledgedOn! <= '2023-01-07'))).toEqual([]);
    expect(
      made.projects.filter(
        (p) => p.category === 'EPIDEMIC_RESPONSE' && !(p.startsOn! >= '2020-01-20' && p.startsOn! <= '2023-01-07'),
      ),
    ).toEqual([]);
  });

  it('holds every training session within the 2021–2023 plan its person-times count toward', () => {
    expect(
      made.trainingSessions.filter(
        (t) =>
          t.startsOn < '2021-01-01' || (t.endsOn ?? t.startsOn) > '2023-12-31' || (t.endsOn ?? t.startsOn) < t.startsOn,
      ),
    ).toEqual([]);
    const years = new Set(made.trainingSessions.map((t) => t.startsOn.slice(0, 4)));
    expect([...years].sort()).toEqual(['2021', '2022', '2023']);
  });
});
