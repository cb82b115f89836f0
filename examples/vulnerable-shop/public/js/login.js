// Sends the login form as JSON and shows the answer.
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
  if (res.ok) {
    message.textContent = `Welcome back, ${data.name}!`;
  } else {
    message.textContent = data.error;
  }
});
