const fs = require('fs');
const libxmljs = require('libxmljs');

const doc = libxmljs.parseXml(fs.readFileSync(__dirname + '/staff.xml', 'utf8'));

function byDepartment(dept) {
  const nodes = doc.find("//employee[@dept='" + dept + "' and not(@unlisted)]"); // expect: xpath-injection
  return nodes.map((n) => ({ name: n.get('name').text(), phone: n.get('phone').text() }));
}

module.exports = { byDepartment };
