import type { organizations } from '../../db/schema';

export type OrganizationRow = typeof organizations.$inferSelect;
