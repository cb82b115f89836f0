const libxmljs = require('libxmljs');

function parseContacts(xml) {
  const doc = libxmljs.parseXml(xml, { noent: true }); // expect: xxe
  return doc.find('//contact').map((c) => ({ name: c.get('name')?.text(), email: c.get('email')?.text() }));
}

module.exports = { parseContacts };
