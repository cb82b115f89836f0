import express from 'express';
import { readFileSync } from 'node:fs';
import { DOMParser } from '@xmldom/xmldom';
import xpath from 'xpath';

const usersDoc = new DOMParser().parseFromString(readFileSync('./data/users.xml', 'utf8'), 'text/xml');
const app = express();
app.use(express.json());

app.post('/kiosk/login', (req, res) => {
  const { user, pin } = req.body;
  if (!user || !pin) return res.status(400).json({ error: 'user and pin required' });
  const node = xpath.select1(`/users/user[@name='${user}' and @pin='${pin}']`, usersDoc); // expect: xpath-injection
  if (!node) return res.status(401).json({ error: 'invalid login' });
  res.json({ user: node.getAttribute('name'), role: node.getAttribute('role') });
});

app.listen(3000);
