import validator from 'validator';

export const isValidEmail = (value) => value.length <= 254 && validator.isEmail(value);
