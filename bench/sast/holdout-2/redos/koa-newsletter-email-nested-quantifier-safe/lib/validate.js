const EMAIL = /^[a-zA-Z0-9_.+-]+@(?:[a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}$/;

function isEmail(value) {
  return value.length <= 254 && EMAIL.test(value);
}

module.exports = { isEmail };
