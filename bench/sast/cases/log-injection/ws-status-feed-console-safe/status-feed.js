const feed = new WebSocket(document.body.dataset.feedUrl || 'wss://status.example.com/feed');
const list = document.getElementById('events');

feed.addEventListener('message', (message) => {
  const event = JSON.parse(message.data);
  console.log(`[status-feed] ${event.service}: ${event.text}`);
  const item = document.createElement('li');
  item.textContent = `${event.service}: ${event.text}`;
  list.prepend(item);
});
