import type { SyntheticOptions } from '../src/db/seed/synthetic';

/** The tiny set `--smoke` runs load into `gongyi_bench_smoke`: every smoke run asks for exactly this, so none reloads it. */
export const SMOKE: SyntheticOptions = {
  organizations: 60,
  projects: 300,
  donations: 3_000,
  trainingSessions: 50,
  seed: 7,
  bigOrganizationProjects: 40,
  bigProjectDonations: 400,
};
