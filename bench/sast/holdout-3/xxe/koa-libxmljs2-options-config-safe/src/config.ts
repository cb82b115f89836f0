export const xmlParseOptions = {
  noent: false,
  dtdload: false,
  nonet: true,
  noblanks: true,
  huge: false,
};
