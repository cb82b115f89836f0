const WebSocket = require('ws');

const feed = new WebSocket(process.env.STATUS_FEED_URL || 'wss://status.example.com/feed');

feed.on('message', (data) => {
  const event = JSON.parse(data.toString());
  console.log(`[status-feed] ${event.service}: ${event.text}`); // expect: log-injection
});
