import { Schema, model } from 'mongoose';

export const Device = model('Device', new Schema({ name: String, pairingKey: String, ownerId: String }));
