const socket = new WebSocket(`wss://${location.host}/chat`);
const list = document.querySelector('#messages');

socket.addEventListener('message', (event) => {
  const { text } = JSON.parse(event.data);
  const item = document.createElement('li');
  item.innerHTML = text; // expect: xss
  list.append(item);
});
