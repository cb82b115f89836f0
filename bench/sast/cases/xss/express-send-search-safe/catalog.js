const PRODUCTS = [{ id: 1, name: 'Blue mug' }, { id: 2, name: 'Red mug' }];

async function searchProducts(q) {
  const needle = q.toLowerCase();
  return PRODUCTS.filter((p) => p.name.toLowerCase().includes(needle));
}

module.exports = { searchProducts };
