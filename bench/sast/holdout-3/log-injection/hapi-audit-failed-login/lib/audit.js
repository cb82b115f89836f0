'use strict';

exports.loginFailed = (username, ip) => {
  console.log(`${new Date().toISOString()} AUDIT login-failed user=${username} ip=${ip}`); // expect: log-injection
};
