// Sends the login form as JSON and shows the answer. The session cookie is HttpOnly; the CSRF token
// from the answer is kept for this tab and sent as x-csrf-token on later POSTs.
const form = document.getElementById('login');
const message = document.getElementById('message');

form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const body = Object.fromEntries(new FormData(form));
  const res = await fetch('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  const data = await res.json();
  if (!res.ok) {
    message.textContent = data.error;
    return;
  }
  sessionStorage.setItem('csrfToken', data.csrfToken);
  if (data.secondFactor === 'required') {
    message.textContent = 'Enter the code from your authenticator app.';
    return;
  }
  const me = await (await fetch('/api/auth/me')).json();
  message.textContent = `Welcome back, ${me.name}!`;
});
