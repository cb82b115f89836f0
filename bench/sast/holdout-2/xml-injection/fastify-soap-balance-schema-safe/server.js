const fastify = require('fastify')({ logger: true });
const axios = require('axios');

const CORE_BANKING_URL = process.env.CORE_BANKING_URL || 'http://core-banking.internal/soap';

const schema = {
  body: {
    type: 'object',
    required: ['accountNumber'],
    properties: {
      accountNumber: { type: 'string', pattern: '^[0-9]{8,12}$' },
    },
  },
};

fastify.post('/accounts/balance', { schema }, async (request) => {
  const { accountNumber } = request.body;
  const { data } = await axios.post(CORE_BANKING_URL, `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetBalance><Account>${accountNumber}</Account><Channel>web</Channel></GetBalance></soap:Body></soap:Envelope>`, { headers: { 'Content-Type': 'text/xml; charset=utf-8' } });
  const match = /<Balance>([\d.]+)<\/Balance>/.exec(data);
  return { balance: match ? Number(match[1]) : null };
});

fastify.listen({ port: 3000 });
