const socket = new WebSocket(`wss://${location.host}/account`);

document.querySelector('#password-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  socket.send(JSON.stringify({ type: 'change-password', current: form.get('current'), password: form.get('password') }));
});

socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'profile' })));
