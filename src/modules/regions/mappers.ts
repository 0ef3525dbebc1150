import type { regions } from '../../db/schema';

export type RegionRow = typeof regions.$inferSelect;
