'use strict';

const Fs = require('fs/promises');
const xmlEscape = require('xml-escape');

const STORE = '/etc/reportd/users.xml';

exports.addViewer = async (name) => {
  const xml = await Fs.readFile(STORE, 'utf8');
  await Fs.writeFile(STORE, xml.replace('</users>', `  <user name="${xmlEscape(String(name))}" role="viewer"/>\n</users>`));
};
