const Product = require('../models/product');

async function searchProducts(filter) {
  const query = { ...filter, hidden: false };
  return Product.find(query).select('name price category').limit(50).lean(); // expect: nosql-injection
}

module.exports = { searchProducts };
