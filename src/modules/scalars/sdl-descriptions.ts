import { buildASTSchema, GraphQLScalarType, isScalarType, parse } from 'graphql';

/**
 * `resolvers` with every scalar's description taken from the SDL. graphql-tools, which Apollo
 * builds the schema with, copies each property of a scalar's resolver over the SDL's scalar, its
 * description too: graphql-scalars' own text, or none, would otherwise be what introspection shows.
 */
export function withSdlScalarDescriptions<R extends object>(resolvers: R, typeDefs: string): R {
  const sdl = buildASTSchema(parse(typeDefs), { assumeValidSDL: true });
  return Object.fromEntries(
    Object.entries(resolvers).map(([name, resolver]) => {
      const declared = sdl.getType(name);
      if (!(resolver instanceof GraphQLScalarType) || !isScalarType(declared)) return [name, resolver];
      return [name, new GraphQLScalarType({ ...resolver.toConfig(), description: declared.description })];
    }),
  ) as R;
}
