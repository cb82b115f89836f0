'use strict';

function* convertArgs(source, options) {
  yield source;
  // One argv entry per flag and per value: execFile passes them unparsed.
  if (options.resize) yield* ['-resize', String(options.resize)];
  if (options.quality) yield* ['-quality', String(options.quality)];
  yield options.output;
}

module.exports = { convertArgs };
