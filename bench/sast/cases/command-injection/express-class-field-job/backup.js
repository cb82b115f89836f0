const express = require('express');
const { exec } = require('child_process');

class BackupJob {
  constructor(label) {
    this.label = label;
    this.dir = '/srv/data';
  }

  run(done) {
    exec(`tar czf /srv/backups/${this.label}.tgz ${this.dir}`, done); // expect: command-injection
  }
}

const app = express();
app.use(express.json());

app.post('/backups', (req, res) => {
  new BackupJob(req.body.label).run((err) => res.status(err ? 500 : 201).json({ ok: !err }));
});

app.listen(3000);
