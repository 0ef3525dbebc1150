import { ApolloServer } from '@apollo/server';
import { buildSchema, isScalarType, isSpecifiedScalarType } from 'graphql';
import { withSdlScalarDescriptions } from '../../../src/modules/scalars/sdl-descriptions';
import { resolvers } from '../../../src/resolvers';
import { loadTypeDefs } from '../../../src/schema';

describe("scalars' descriptions", () => {
  it('are what the SDL says, as introspection shows them, for every scalar the schema declares', async () => {
    const typeDefs = loadTypeDefs();
    // the schema as createServer has Apollo build it
    const apollo = new ApolloServer({ typeDefs, resolvers: withSdlScalarDescriptions(resolvers, typeDefs) as never });
    await apollo.start();
    const sdl = buildSchema(typeDefs);
    const scalars = Object.values(sdl.getTypeMap()).filter((t) => isScalarType(t) && !isSpecifiedScalarType(t));
    expect(scalars.map((s) => s.name)).toEqual(expect.arrayContaining(['Date', 'DateTime', 'Decimal']));
    for (const scalar of scalars) {
      const response = await apollo.executeOperation({
        query: 'query Scalar($name: String!) { __type(name: $name) { description } }',
        variables: { name: scalar.name },
      });
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      expect({
        scalar: scalar.name,
        description: (result?.data?.['__type'] as { description: string }).description,
      }).toEqual({
        scalar: scalar.name,
        description: scalar.description,
      });
    }
    await apollo.stop();
  });

  it("would otherwise be the resolvers' own: graphql-scalars' text for DateTime", async () => {
    const typeDefs = loadTypeDefs();
    const apollo = new ApolloServer({ typeDefs, resolvers: resolvers as never });
    await apollo.start();
    const response = await apollo.executeOperation({ query: '{ __type(name: "DateTime") { description } }' });
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    expect((result?.data?.['__type'] as { description: string }).description).not.toEqual(
      buildSchema(typeDefs).getType('DateTime')!.description,
    );
    await apollo.stop();
  });
});
