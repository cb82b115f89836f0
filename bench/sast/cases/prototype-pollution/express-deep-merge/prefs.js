const express = require('express');

const app = express();
app.use(express.json());
const prefsByUser = new Map();

function deepMerge(target, source) {
  for (const key of Object.keys(source)) {
    if (source[key] && typeof source[key] === 'object') {
      if (!target[key] || typeof target[key] !== 'object') target[key] = {}; // expect: prototype-pollution
      deepMerge(target[key], source[key]);
    } else {
      target[key] = source[key]; // expect: prototype-pollution
    }
  }
  return target;
}

app.patch('/me/preferences', (req, res) => {
  const prefs = prefsByUser.get(req.user.id) ?? { theme: 'light', notifications: { email: true } };
  deepMerge(prefs, req.body);
  prefsByUser.set(req.user.id, prefs);
  res.json(prefs);
});

app.listen(3000);
