'use strict';

const Fs = require('node:fs/promises');
const Path = require('node:path');

const DRAFTS = '/var/lib/editor/drafts';

exports.removeDraft = async (name) => {
  await Fs.unlink(Path.join(DRAFTS, name)); // expect: path-traversal
};
