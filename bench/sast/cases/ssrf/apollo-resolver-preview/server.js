const { ApolloServer } = require('@apollo/server');
const { startStandaloneServer } = require('@apollo/server/standalone');

const typeDefs = `#graphql
  type Preview { title: String }
  type Query { linkPreview(url: String!): Preview }
`;

const resolvers = {
  Query: {
    linkPreview: async (_parent, { url }) => {
      const res = await fetch(url); // expect: ssrf
      const html = await res.text();
      return { title: (/<title>([^<]{0,200})<\/title>/i.exec(html) ?? [])[1] ?? null };
    },
  },
};

startStandaloneServer(new ApolloServer({ typeDefs, resolvers }), { listen: { port: 4000 } });
