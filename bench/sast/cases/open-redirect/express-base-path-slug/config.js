const settings = { relative_path: process.env.RELATIVE_PATH || '' };

module.exports = { get: (key) => settings[key] };
