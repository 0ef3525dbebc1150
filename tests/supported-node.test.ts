import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SUPPORTED_NODE, unsupportedNode } from '../src/supported-node';

describe('the supported Node.js versions', () => {
  it('are the ones package.json’s engines field states', () => {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    expect(manifest.engines.node).toBe(SUPPORTED_NODE);
  });

  it.each(['20.15.0', '20.20.2', '22.0.0', '22.12.1', '24.4.0'])('include %s', (version) => {
    expect(unsupportedNode(version)).toBeNull();
  });

  it.each(['18.20.4', '20.14.9', '21.7.3', '23.11.0', '25.0.0', '19.0.0'])('exclude %s, with a message', (version) => {
    expect(unsupportedNode(version)).toBe(
      `gongyi-graph needs Node.js ^20.15.0 || ^22.0.0 || ^24.0.0; this is Node.js ${version}`,
    );
  });
});
