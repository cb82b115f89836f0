const express = require('express');
const { exec } = require('child_process');
const fs = require('fs');

class BackupJob {
  constructor(label) {
    this.label = `backup-${Date.now()}`;
    this.note = label;
    this.dir = '/srv/data';
  }

  run(done) {
    fs.writeFileSync(`/srv/backups/${this.label}.json`, JSON.stringify({ note: String(this.note) }));
    exec(`tar czf /srv/backups/${this.label}.tgz ${this.dir}`, done);
  }
}

const app = express();
app.use(express.json());

app.post('/backups', (req, res) => {
  new BackupJob(req.body.label).run((err) => res.status(err ? 500 : 201).json({ ok: !err }));
});

app.listen(3000);
