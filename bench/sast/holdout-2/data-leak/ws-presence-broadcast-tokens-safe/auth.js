const USERS = new Map([['k-7f3a', { id: 1, displayName: 'Ada', email: 'ada@example.com' }]]);

async function authenticate(req) {
  const key = new URL(req.url, 'http://localhost').searchParams.get('key');
  return (key && USERS.get(key)) || null;
}

module.exports = { authenticate };
