import { readFileSync } from 'node:fs';
import { buildSchema } from 'graphql';
import { currentSchema, policyViolations, SNAPSHOT } from '../../.ci/schema-policy';

const TODAY = '2026-11-27';
const schema = (fields: string) => buildSchema(`type Query { ${fields} }  enum Kind { A B }`);

describe('the schema change policy', () => {
  it('accepts additions', async () => {
    expect(await policyViolations(schema('a: Int'), schema('a: Int b: String'), TODAY)).toEqual([]);
  });

  it('refuses removing a field that was never deprecated', async () => {
    const violations = await policyViolations(schema('a: Int b: Int'), schema('a: Int'), TODAY);
    expect(violations).toEqual([{ path: 'Query.b', message: expect.stringMatching(/not deprecated first/) }]);
  });

  it('refuses retyping a field and making an argument required', async () => {
    const violations = await policyViolations(schema('a(x: Int): Int'), schema('a(x: Int!): String'), TODAY);
    expect(violations.map((v) => v.path).sort()).toEqual(['Query.a', 'Query.a.x']);
  });

  it('accepts removing a deprecated field once its announced removal day has come', async () => {
    const published = schema('a: Int b: Int @deprecated(reason: "use a; removal on 2026-11-01")');
    expect(await policyViolations(published, schema('a: Int'), TODAY)).toEqual([]);
  });

  it('refuses removing it before that day', async () => {
    const published = schema('a: Int b: Int @deprecated(reason: "use a; removal on 2027-03-01")');
    const violations = await policyViolations(published, schema('a: Int'), TODAY);
    expect(violations).toEqual([
      { path: 'Query.b', message: expect.stringMatching(/announced removal on 2027-03-01/) },
    ]);
  });

  it('requires a new deprecation to name a removal day at least a quarter away', async () => {
    const soon = await policyViolations(
      schema('a: Int'),
      schema('a: Int @deprecated(reason: "removal on 2027-01-15")'),
      TODAY,
    );
    expect(soon).toEqual([{ path: 'Query.a', message: expect.stringMatching(/no earlier than 2027-02-25/) }]);
    const vague = await policyViolations(schema('a: Int'), schema('a: Int @deprecated(reason: "use b")'), TODAY);
    expect(vague).toHaveLength(1);
    const fine = await policyViolations(
      schema('a: Int'),
      schema('a: Int @deprecated(reason: "removal on 2027-03-01")'),
      TODAY,
    );
    expect(fine).toEqual([]);
  });

  it('holds for schema/ against the published snapshot', async () => {
    const published = buildSchema(readFileSync(SNAPSHOT, 'utf8'));
    expect(await policyViolations(published, currentSchema(), new Date().toISOString().slice(0, 10))).toEqual([]);
  });
});
