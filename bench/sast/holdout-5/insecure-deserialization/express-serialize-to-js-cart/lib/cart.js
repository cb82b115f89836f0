const serialize = require('serialize-to-js');

function restoreCart(cookie) {
  if (!cookie) return { items: [] };
  const cart = serialize.deserialize(cookie); // expect: insecure-deserialization
  return cart && Array.isArray(cart.items) ? cart : { items: [] };
}

module.exports = { restoreCart };
