/**
 * The Node.js versions this API runs on, as package.json's "engines" states them (a test holds the
 * two equal): the LTS lines whose every runtime dependency declares support (opossum: 20, 22 and
 * 24 only), from 20.15 on the 20 line. CI runs on 20.
 */
export const SUPPORTED_NODE = '^20.15.0 || ^22.0.0 || ^24.0.0';

/** `^MAJOR.MINOR.PATCH` alternatives as numbers. */
const LINES = SUPPORTED_NODE.split('||').map((alternative) => {
  const [major, minor, patch] = alternative.trim().replace(/^\^/, '').split('.').map(Number) as [
    number,
    number,
    number,
  ];
  return { major, minor, patch };
});

/** Why `version` (as `process.versions.node` gives it, `20.20.2`) is not supported, or null when it is. */
export function unsupportedNode(version: string): string | null {
  const [major, minor, patch] = version.split('.').map(Number) as [number, number, number];
  const line = LINES.find((l) => l.major === major);
  if (line && (minor > line.minor || (minor === line.minor && patch >= line.patch))) return null;
  return `gongyi-graph needs Node.js ${SUPPORTED_NODE}; this is Node.js ${version}`;
}
