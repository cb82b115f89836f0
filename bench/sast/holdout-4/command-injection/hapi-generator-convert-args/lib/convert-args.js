'use strict';

function* convertArgs(source, options) {
  yield source;
  if (options.resize) yield `-resize ${options.resize}`;
  if (options.quality) yield `-quality ${options.quality}`;
  yield options.output;
}

module.exports = { convertArgs };
