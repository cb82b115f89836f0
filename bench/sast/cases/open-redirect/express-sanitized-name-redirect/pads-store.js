const pads = new Map();

async function sanitizeId(id) {
  return String(id).replace(/\s+/g, '_').slice(0, 50);
}

module.exports = { pads, sanitizeId };
