function returnUrl(request) {
  return request.query.return || '/orders';
}

module.exports = { returnUrl };
