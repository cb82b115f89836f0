const express = require('express');
const { detectDevice } = require('./middleware/device');

const app = express();
app.use(detectDevice);
app.get('/', (req, res) => res.json({ layout: req.device }));
app.listen(3000);
