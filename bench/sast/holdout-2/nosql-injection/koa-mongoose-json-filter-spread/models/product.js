const mongoose = require('mongoose');

const productSchema = new mongoose.Schema({
  name: String,
  price: Number,
  category: String,
  supplierCost: Number,
  hidden: { type: Boolean, default: false },
});

module.exports = mongoose.model('Product', productSchema);
