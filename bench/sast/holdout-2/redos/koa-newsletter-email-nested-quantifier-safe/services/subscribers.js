const subscribers = new Set();

async function subscribe(email) {
  subscribers.add(email.toLowerCase());
}

module.exports = { subscribe };
