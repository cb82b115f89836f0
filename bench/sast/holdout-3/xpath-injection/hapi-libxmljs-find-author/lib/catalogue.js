'use strict';

const Fs = require('fs');
const Libxml = require('libxmljs');

const catalogue = Libxml.parseXml(Fs.readFileSync(`${__dirname}/../data/books.xml`, 'utf8'));

exports.booksBy = (author) => {
  return catalogue.find(`/catalogue/book[author="${author}" and @public="yes"]/title`).map((t) => t.text()); // expect: xpath-injection
};
