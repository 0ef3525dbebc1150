import type { provenanceKind } from '../../db/schema';

/** The provenance columns every record carries. */
export interface ProvenanceParent {
  provenanceKind: (typeof provenanceKind.enumValues)[number];
  sourceId: string | null;
}
