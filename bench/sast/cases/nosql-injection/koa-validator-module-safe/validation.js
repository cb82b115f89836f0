const yup = require('yup');

const loginSchema = yup.object({
  identifier: yup.string().required(),
  password: yup.string().required(),
});

async function validateLoginBody(body) {
  try {
    await loginSchema.validate(body, { strict: true });
  } catch (err) {
    const error = new Error(err.errors.join(', '));
    error.status = 400;
    throw error;
  }
}

module.exports = { validateLoginBody };
