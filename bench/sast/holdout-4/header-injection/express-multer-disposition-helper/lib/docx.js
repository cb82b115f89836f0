const libre = require('libreoffice-convert');
const { promisify } = require('node:util');

exports.docxToPdf = (buffer) => promisify(libre.convert)(buffer, '.pdf', undefined);
