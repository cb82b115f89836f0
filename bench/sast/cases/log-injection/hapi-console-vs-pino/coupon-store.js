'use strict';
const valid = new Map([['WELCOME10', 100], ['SPRING24', 50]]);

async function redeem(code, userId) {
  const left = valid.get(code);
  if (!left || !userId) return false;
  valid.set(code, left - 1);
  return true;
}

module.exports = { redeem };
