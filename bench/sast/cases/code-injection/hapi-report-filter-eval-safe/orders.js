'use strict';

async function fetchOrders() {
  return [
    { id: 1, amount: 120, status: 'paid', country: 'DE' },
    { id: 2, amount: 80, status: 'refunded', country: 'FR' },
  ];
}

module.exports = { fetchOrders };
