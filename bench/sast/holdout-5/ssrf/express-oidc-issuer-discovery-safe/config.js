module.exports = {
  // Issuers an administrator may connect; the discovery test only talks to these.
  identityProviders: (process.env.OIDC_ISSUERS || 'https://accounts.google.com,https://login.microsoftonline.com/common/v2.0').split(','),
};
