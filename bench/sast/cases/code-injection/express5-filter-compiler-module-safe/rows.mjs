const ROWS = [
  { id: 1, status: 'active', country: 'FR', plan: 'pro' },
  { id: 2, status: 'trial', country: 'DE', plan: 'free' },
];

export async function loadRows() {
  return ROWS;
}
