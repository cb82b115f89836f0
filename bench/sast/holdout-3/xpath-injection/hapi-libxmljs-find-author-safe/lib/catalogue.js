'use strict';

const Fs = require('fs');
const Libxml = require('libxmljs');

const catalogue = Libxml.parseXml(Fs.readFileSync(`${__dirname}/../data/books.xml`, 'utf8'));

const AUTHOR = /^[\p{L} .'-]{1,80}$/u;

exports.booksBy = (author) => {
  if (!AUTHOR.test(author)) return [];
  return catalogue.find(`/catalogue/book[author="${author}" and @public="yes"]/title`).map((t) => t.text());
};
