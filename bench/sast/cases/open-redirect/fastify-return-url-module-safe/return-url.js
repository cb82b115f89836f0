// A same-site path: one leading slash (not "//host"), no backslash (browsers read "/\host" as
// "//host") and no whitespace (browsers drop tabs and newlines, so "/\t/host" becomes "//host").
const LOCAL_PATH = /^\/(?![/\\])[^\\\s]*$/;

function returnUrl(request) {
  const wanted = request.query.return;
  return typeof wanted === 'string' && LOCAL_PATH.test(wanted) ? wanted : '/orders';
}

module.exports = { returnUrl };
