const express = require('express');
const { ApolloServer, gql } = require('apollo-server-express');
const { Pool } = require('pg');
const { ProductRepository } = require('./product-repository');

const typeDefs = gql`
  type Product { id: ID!, name: String!, price: Float! }
  type Query { products(category: String!, sort: String): [Product!]! }
`;

const repo = new ProductRepository(new Pool());

const resolvers = {
  Query: {
    products: (_parent, { category, sort = 'name' }) => repo.listByCategory(category, sort),
  },
};

async function main() {
  const app = express();
  const server = new ApolloServer({ typeDefs, resolvers });
  await server.start();
  server.applyMiddleware({ app, path: '/graphql' });
  app.listen(4000);
}

main();
