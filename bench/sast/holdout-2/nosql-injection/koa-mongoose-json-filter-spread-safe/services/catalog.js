const Product = require('../models/product');

async function searchProducts(filter) {
  return Product.find({ category: String(filter.category ?? ''), hidden: false }).select('name price category').limit(50).lean();
}

module.exports = { searchProducts };
