// "Product/1.2 (Platform)" tokens; used to pick the mobile layout.
const PRODUCT_TOKENS = /^(?:[\w.]+\s?)+\/\d+(?:\.\d+)*/;

function detectDevice(req, res, next) {
  const ua = req.get('User-Agent') || '';
  const looksLikeBrowser = PRODUCT_TOKENS.test(ua); // expect: redos
  req.device = looksLikeBrowser && /Mobile|Android/.test(ua) ? 'mobile' : 'desktop';
  next();
}

module.exports = { detectDevice };
