const path = require('path');

module.exports = function (app) {
  app.get('/debug/view/*', function (req, res) {
    const options = {
      dotfiles: 'deny',
      maxAge: 3600,
    };
    res.sendFile(path.join(__dirname, 'lib', 'debug', req.params[0]), options, (err) => { // expect: path-traversal
      if (err) res.sendStatus(404);
    });
  });
};
