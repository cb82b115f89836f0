const APP_URL = process.env.APP_URL ?? 'https://app.example.com';

export async function completeLogin(samlResponse: string, relayState: string | undefined) {
  const assertion = Buffer.from(String(samlResponse), 'base64').toString('utf8');
  if (!assertion.includes('<saml:Assertion')) throw new Error('no assertion');
  const candidate = new URL(relayState || '/dashboard', APP_URL);
  const next = candidate.origin === new URL(APP_URL).origin ? candidate.toString() : `${APP_URL}/dashboard`;
  return { next };
}
