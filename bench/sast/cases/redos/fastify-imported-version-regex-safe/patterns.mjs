export const VERSION = /^\d{1,4}\.\d{1,4}\.\d{1,4}$/;
