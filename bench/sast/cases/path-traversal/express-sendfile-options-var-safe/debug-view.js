const path = require('path');

module.exports = function (app) {
  app.get('/debug/view/*', function (req, res) {
    const options = {
      root: path.join(__dirname, 'lib', 'debug'),
      dotfiles: 'deny',
    };
    res.sendFile(req.params[0], options, (err) => {
      if (err) res.sendStatus(404);
    });
  });
};
