import type { NextApiRequest, NextApiResponse } from 'next';

const APP_ORIGIN = process.env.APP_ORIGIN ?? 'https://app.example.com';

export default function handler(req: NextApiRequest, res: NextApiResponse) {
  const callbackUrl = typeof req.query.callbackUrl === 'string' ? req.query.callbackUrl : '/';
  const resolved = new URL(callbackUrl, APP_ORIGIN);
  const target = resolved.origin === APP_ORIGIN ? resolved.href : '/';
  res.redirect(302, target);
}
