'use strict';

const store = new Map();

exports.load = async (userId) => structuredClone(store.get(userId) ?? { theme: 'light', notifications: { email: true } });
exports.save = async (userId, settings) => {
  store.set(userId, settings);
};
