import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startFromTemplate } from '../../src/db/embedded-template';

describe('starting an embedded database from the build’s template', () => {
  let root: string;
  let template: string;
  let dataDir: string;
  const read = (file: string) => readFileSync(path.join(dataDir, file), 'utf8');

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'gongyi-template-'));
    template = path.join(root, 'template');
    dataDir = path.join(root, 'data');
    mkdirSync(path.join(template, 'base', '1'), { recursive: true });
    writeFileSync(path.join(template, 'PG_VERSION'), '17\n');
    writeFileSync(path.join(template, 'base', '1', '1259'), 'catalog');
    mkdirSync(dataDir);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('copies the template into a folder that holds no database, beside what is already there', () => {
    writeFileSync(path.join(dataDir, 'gongyi-graph.pid'), '123');
    expect(startFromTemplate(dataDir, template)).toBe(true);
    expect(read('PG_VERSION')).toBe('17\n');
    expect(read('base/1/1259')).toBe('catalog');
    expect(read('gongyi-graph.pid')).toBe('123');
  });

  it('leaves a folder that holds a database as it is', () => {
    writeFileSync(path.join(dataDir, 'PG_VERSION'), '17\n');
    expect(startFromTemplate(dataDir, template)).toBe(false);
    expect(() => read('base/1/1259')).toThrow('ENOENT');
  });

  it('copies again over a copy cut short, which has no PG_VERSION yet', () => {
    mkdirSync(path.join(dataDir, 'base', '1'), { recursive: true });
    writeFileSync(path.join(dataDir, 'base', '1', '1259'), 'cat');
    expect(startFromTemplate(dataDir, template)).toBe(true);
    expect(read('base/1/1259')).toBe('catalog');
  });

  it('does nothing without a template (run from src/, or a build without one): PGlite runs initdb', () => {
    expect(startFromTemplate(dataDir, path.join(root, 'none'))).toBe(false);
    expect(() => read('PG_VERSION')).toThrow('ENOENT');
  });
});
