function afterLogin(res, target) {
  const dest = typeof target === 'string' && /^\/(?![\/\\])[^\s]*$/.test(target) ? target : '/dashboard';
  res.redirect(dest);
}

module.exports = { afterLogin };
