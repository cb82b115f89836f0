const libxmljs = require('libxmljs');

function parseInvoice(xml) {
  const doc = libxmljs.parseXml(xml, { noent: true }); // expect: xxe
  return {
    number: doc.get('/invoice/number').text(),
    customer: doc.get('/invoice/customer').text(),
    total: Number(doc.get('/invoice/total').text()),
  };
}

module.exports = { parseInvoice };
