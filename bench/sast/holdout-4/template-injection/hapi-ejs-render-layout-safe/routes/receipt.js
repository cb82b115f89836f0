'use strict';

const ejs = require('ejs');
const fs = require('node:fs');
const path = require('node:path');

const LAYOUTS = new Set(['classic', 'minimal']);
const shipped = (name) => fs.readFileSync(path.join(__dirname, '..', 'views', `${LAYOUTS.has(name) ? name : 'classic'}.ejs`), 'utf8');

module.exports = {
  method: 'POST',
  path: '/receipts/preview',
  handler: (request) => {
    const { layout, total } = request.payload;
    const source = shipped(layout);
    return { html: ejs.render(source, { total: Number(total) }) };
  },
};
