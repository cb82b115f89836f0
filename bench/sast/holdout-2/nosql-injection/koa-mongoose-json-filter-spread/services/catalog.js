const Product = require('../models/product');

async function searchProducts(filter) {
  return Product.find({ ...filter, hidden: false }).select('name price category').limit(50).lean(); // expect: nosql-injection
}

module.exports = { searchProducts };
