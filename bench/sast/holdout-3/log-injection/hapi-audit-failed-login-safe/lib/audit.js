'use strict';

exports.loginFailed = (username, ip) => {
  console.log(`${new Date().toISOString()} AUDIT login-failed user=${JSON.stringify(String(username))} ip=${ip}`);
};
