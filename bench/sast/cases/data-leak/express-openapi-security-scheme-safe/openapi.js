const express = require('express');

const app = express();

const definition = {
  openapi: '3.0.2',
  info: { title: 'Pad API', version: '1.3.0' },
  components: {
    securitySchemes: {
      ApiKey: { type: 'apiKey', in: 'query', name: 'apikey' },
    },
  },
  security: [{ ApiKey: [] }],
};

app.get('/api/openapi.json', (req, res) => {
  res.header('Access-Control-Allow-Origin', '*');
  res.json({ ...definition, servers: [{ url: `${req.protocol}://${req.get('host')}/api` }] });
});

app.listen(9001);
