'use strict';

const { MongoClient } = require('mongodb');

const client = new MongoClient(process.env.MONGO_URL);

exports.notesCollection = () => client.db('app').collection('notes');
