import { Schema } from 'mongoose';

export interface Invite {
  code: string;
  team: string;
  redeemed: boolean;
}

export const InviteSchema = new Schema<Invite>({ code: String, team: String, redeemed: Boolean });
