const fs = require('fs');
const libxmljs = require('libxmljs');

const doc = libxmljs.parseXml(fs.readFileSync(__dirname + '/staff.xml', 'utf8'));

const DEPARTMENTS = new Set(['ENG', 'OPS', 'SALES', 'HR', 'FIN']);

function byDepartment(dept) {
  if (!DEPARTMENTS.has(dept)) return [];
  const nodes = doc.find("//employee[@dept='" + dept + "' and not(@unlisted)]");
  return nodes.map((n) => ({ name: n.get('name').text(), phone: n.get('phone').text() }));
}

module.exports = { byDepartment };
