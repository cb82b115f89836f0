// "Product/1.2 (Platform)" tokens; used to pick the mobile layout.
const PRODUCT_TOKENS = /^[\w. ]+\/\d+(?:\.\d+)*/;

function detectDevice(req, res, next) {
  const ua = (req.get('User-Agent') || '').slice(0, 512);
  const looksLikeBrowser = PRODUCT_TOKENS.test(ua);
  req.device = looksLikeBrowser && /Mobile|Android/.test(ua) ? 'mobile' : 'desktop';
  next();
}

module.exports = { detectDevice };
