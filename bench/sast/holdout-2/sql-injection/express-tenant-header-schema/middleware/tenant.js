module.exports = function tenantFromHeader(req, res, next) {
  const tenant = req.get('X-Tenant-Id');
  if (!tenant) {
    return res.status(400).json({ error: 'missing X-Tenant-Id header' });
  }
  req.tenant = tenant;
  next();
};
