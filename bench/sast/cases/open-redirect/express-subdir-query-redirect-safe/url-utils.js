const subdir = (process.env.SITE_SUBDIR || '').replace(/\/+$/, '');

module.exports = {
  getSubdir() {
    return subdir;
  },
};
