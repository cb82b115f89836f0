const express = require('express');
const mongoose = require('mongoose');

const Task = mongoose.model('Task', new mongoose.Schema({ title: String, owner: String, done: Boolean }));
const app = express();

app.get('/tasks', async (req, res, next) => {
  try {
    const owner = req.query.owner || req.user.username;
    const tasks = await Task.find({ $where: `this.owner === '${owner}' && !this.done` }).select('title owner done').lean(); // expect: nosql-injection
    res.json(tasks);
  } catch (err) {
    next(err);
  }
});

mongoose.connect(process.env.MONGO_URL).then(() => app.listen(3000));
