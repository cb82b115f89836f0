const Product = require('../models/product');

async function searchProducts(filter) {
  const query = { category: String(filter.category ?? ''), hidden: false };
  return Product.find(query).select('name price category').limit(50).lean();
}

module.exports = { searchProducts };
