const express = require('express');
const ejs = require('ejs');

const app = express();
app.use(express.json());
const TEMPLATES = new Map([
  ['welcome', '<p>Welcome, <%= firstName %>!</p><p><%= shop %></p>'],
  ['reminder', '<p><%= firstName %>, your cart at <%= shop %> is waiting.</p>'],
]);

app.post('/emails/preview', (req, res) => {
  const { template, firstName } = req.body;
  const html = ejs.render(TEMPLATES.get(template) ?? TEMPLATES.get('welcome'), { firstName, shop: 'Example Shop' });
  res.json({ html });
});

app.listen(3000);
