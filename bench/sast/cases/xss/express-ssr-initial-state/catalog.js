const items = [
  { id: 1, name: 'Desk lamp' },
  { id: 2, name: 'Standing desk' },
];

async function searchCatalog(query) {
  const q = query.toLowerCase();
  return items.filter((item) => item.name.toLowerCase().includes(q)).map(({ id, name }) => ({ id, name }));
}

module.exports = { searchCatalog };
