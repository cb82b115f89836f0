function afterLogin(res, target) {
  const dest = target || '/dashboard';
  res.redirect(dest); // expect: open-redirect
}

module.exports = { afterLogin };
