import express from 'express';
import { authenticate } from './ldap-auth';

const app = express();
app.use(express.json());

app.post('/login', async (req, res) => {
  const { email, password } = req.body as { email: string; password: string };
  try {
    const dn = await authenticate(email, password);
    res.status(dn ? 200 : 401).json({ ok: Boolean(dn) });
  } catch {
    res.status(401).json({ ok: false });
  }
});

app.listen(3000);
