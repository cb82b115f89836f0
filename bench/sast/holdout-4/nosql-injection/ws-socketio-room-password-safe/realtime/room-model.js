import mongoose from 'mongoose';

export const Room = mongoose.model('Room', new mongoose.Schema({ slug: String, name: String, password: String }));
