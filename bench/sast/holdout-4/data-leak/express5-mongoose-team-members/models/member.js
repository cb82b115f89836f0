import mongoose from 'mongoose';

export const Member = mongoose.model(
  'Member',
  new mongoose.Schema({ team: String, name: String, role: String, avatar: String, email: String, apiKey: String, passwordHash: String }),
);
