module.exports = {
  pricing: {
    formula: 'quantity * unitPrice * (quantity >= 100 ? 0.9 : 1)',
  },
};
