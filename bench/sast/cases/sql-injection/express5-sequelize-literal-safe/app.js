const express = require('express');
const { Sequelize, DataTypes } = require('sequelize');

const sequelize = new Sequelize(process.env.DATABASE_URL);
const Post = sequelize.define('Post', { title: DataTypes.STRING, tags: DataTypes.ARRAY(DataTypes.STRING) });
const app = express();

app.get('/posts', async (req, res) => {
  const tag = req.query.tag;
  const posts = await Post.findAll({
    attributes: ['id', 'title'],
    where: Sequelize.literal(':tag = ANY(tags)'),
    replacements: { tag },
  });
  res.json(posts);
});

app.listen(3000);
