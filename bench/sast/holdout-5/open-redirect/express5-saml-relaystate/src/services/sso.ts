const APP_URL = process.env.APP_URL ?? 'https://app.example.com';

export async function completeLogin(samlResponse: string, relayState: string | undefined) {
  const assertion = Buffer.from(String(samlResponse), 'base64').toString('utf8');
  if (!assertion.includes('<saml:Assertion')) throw new Error('no assertion');
  const next = relayState || `${APP_URL}/dashboard`;
  return { next };
}
