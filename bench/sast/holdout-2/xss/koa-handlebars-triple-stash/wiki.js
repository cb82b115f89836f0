const pages = new Map([['Home', '<h1>Home</h1><p>Welcome to the team wiki.</p>']]);

async function findPage(name) {
  return pages.get(name) ?? null;
}

module.exports = { findPage };
