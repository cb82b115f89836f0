export const catalog = new Map([
  ['TSHIRT-01', { sku: 'TSHIRT-01', name: 'T-shirt', priceCents: 1900 }],
  ['MUG-02', { sku: 'MUG-02', name: 'Mug', priceCents: 900 }],
]);
