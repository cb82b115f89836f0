export function cartFromCookie(req, res, next) {
  const raw = req.cookies.cart;
  if (!raw) {
    req.cart = { items: [] };
    return next();
  }
  const text = Buffer.from(raw, 'base64').toString('utf8');
  req.cart = JSON.parse(text);
  next();
}
