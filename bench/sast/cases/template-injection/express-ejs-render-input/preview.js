const express = require('express');
const ejs = require('ejs');

const app = express();
app.use(express.json());

app.post('/emails/preview', (req, res) => {
  const { template, firstName } = req.body;
  const html = ejs.render(template, { firstName, shop: 'Example Shop' }); // expect: template-injection
  res.json({ html });
});

app.listen(3000);
