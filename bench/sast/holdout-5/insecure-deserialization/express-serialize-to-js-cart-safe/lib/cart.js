
function restoreCart(cookie) {
  if (!cookie) return { items: [] };
  let cart;
  try {
    cart = JSON.parse(cookie);
  } catch {
    return { items: [] };
  }
  return cart && Array.isArray(cart.items) ? cart : { items: [] };
}

module.exports = { restoreCart };
