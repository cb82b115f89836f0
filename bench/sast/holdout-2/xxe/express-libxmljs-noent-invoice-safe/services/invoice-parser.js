const libxmljs = require('libxmljs');

function parseInvoice(xml) {
  const doc = libxmljs.parseXml(xml, { noent: false, nonet: true });
  return {
    number: doc.get('/invoice/number').text(),
    customer: doc.get('/invoice/customer').text(),
    total: Number(doc.get('/invoice/total').text()),
  };
}

module.exports = { parseInvoice };
