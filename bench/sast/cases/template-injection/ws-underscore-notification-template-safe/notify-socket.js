const { WebSocketServer } = require('ws');
const _ = require('underscore');

const wss = new WebSocketServer({ port: 9090 });
const DEFAULT_TEMPLATE = '<p>Hello <%- name %>, <%- message %></p>';

wss.on('connection', (ws) => {
  ws.on('message', (raw) => {
    const { message = '' } = JSON.parse(String(raw));
    const render = _.template(DEFAULT_TEMPLATE);
    const html = render({ name: 'subscriber', message });
    wss.clients.forEach((client) => client.send(JSON.stringify({ type: 'notification', html })));
  });
});
