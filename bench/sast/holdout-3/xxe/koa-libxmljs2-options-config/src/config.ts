export const xmlParseOptions = {
  noent: true,
  dtdload: true,
  noblanks: true,
  huge: false,
};
