import { v5 as uuidv5 } from 'uuid';

/** Namespace of every seeded row id; fixed forever so a reload finds the rows it wrote before. */
const NAMESPACE = 'b5a2c7de-3f4e-5a6b-8c9d-0e1f2a3b4c5d';

/** A stable UUID (v5) for a seeded row, from its kind and a natural name such as `donation:mengniu`. */
export function seededId(name: string): string {
  return uuidv5(name, NAMESPACE);
}
