export const VERSION = /^(\d+\.?)+$/;
