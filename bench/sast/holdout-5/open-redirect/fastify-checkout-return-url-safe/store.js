const paid = new Map();
const registry = new Map();

export const orders = {
  async findPaid(id) {
    return paid.get(String(id)) ?? null;
  },
};

export const merchants = {
  async byId(id) {
    return registry.get(id) ?? { defaultReturnUrl: '/', returnUrls: [] };
  },
};
