import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flowsIn } from './helpers.js';

// `users.find(...)` is an array search as often as a MongoDB query: the name alone leaves the call
// alone, but a receiver the code shows to be a collection or a model is a query whatever its name.

const express = (setup: string, lookup: string): string => `const express = require('express');
${setup}
const app = express();
app.post('/login', async (req, res) => {
  const user = await ${lookup}({ name: req.body.name, password: req.body.password });
  res.json({ ok: !!user });
});
`;

describe('MongoDB receivers named like arrays', () => {
  it('`users` from db.collection() or mongoose.model() is a collection: an operator object in the filter is reported', () => {
    assert.deepEqual(flowsIn(express("const { MongoClient } = require('mongodb');\nconst users = new MongoClient('mongodb://db').db('app').collection('users');", 'users.findOne')), ['nosql-injection@6']);
    assert.deepEqual(flowsIn(express("const mongoose = require('mongoose');\nconst users = mongoose.model('User', new mongoose.Schema({ name: String }));", 'users.findOne')), ['nosql-injection@6']);
  });

  it('`users` that is an array stays an array search', () => {
    assert.deepEqual(flowsIn(express("const { MongoClient } = require('mongodb');\nconst users = [{ name: 'a', password: 'b' }];", 'users.find')), []);
  });

  it('a NestJS service field typed Model<...> is a model', () => {
    const code = `import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { Body, Controller, Post } from '@nestjs/common';
@Controller('auth')
export class AuthController {
  constructor(@InjectModel('User') private readonly users: Model<any>) {}
  @Post('login')
  async login(@Body() body: any) {
    const user = await this.users.findOne({ name: body.name, password: body.password });
    return { ok: !!user };
  }
}
`;
    assert.deepEqual(flowsIn(code, 'auth.controller.ts'), ['nosql-injection@10']);
  });
});
