const fs = require('fs');
const path = require('path');
const libxmljs = require('libxmljs');

const doc = libxmljs.parseXml(fs.readFileSync(path.join(__dirname, '..', 'data', 'catalog.xml'), 'utf8'));

function findPrice(sku) {
  if (!/^[A-Z0-9-]{3,20}$/.test(sku)) return null;
  const node = doc.get(`/catalog/product[@sku='${sku}' and @visible='yes']/price`);
  return node ? Number(node.text()) : null;
}

module.exports = { findPrice };
