import serialize from 'node-serialize';

export function cartFromCookie(req, res, next) {
  const raw = req.cookies.cart;
  if (!raw) {
    req.cart = { items: [] };
    return next();
  }
  const text = Buffer.from(raw, 'base64').toString('utf8');
  req.cart = serialize.unserialize(text); // expect: insecure-deserialization
  next();
}
