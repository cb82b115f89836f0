const EMAIL = /^([a-zA-Z0-9_.+-]+)+@([a-zA-Z0-9-]+\.)+[a-zA-Z]{2,}$/;

function isEmail(value) {
  return EMAIL.test(value); // expect: redos
}

module.exports = { isEmail };
