'use strict';

const Fs = require('fs/promises');

const STORE = '/etc/reportd/users.xml';

exports.addViewer = async (name) => {
  const xml = await Fs.readFile(STORE, 'utf8');
  await Fs.writeFile(STORE, xml.replace('</users>', `  <user name="${name}" role="viewer"/>\n</users>`)); // expect: xml-injection
};
