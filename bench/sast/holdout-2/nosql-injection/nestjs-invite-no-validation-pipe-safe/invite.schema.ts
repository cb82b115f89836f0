import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

@Schema()
export class Invite {
  @Prop({ required: true, unique: true })
  code!: string;

  @Prop({ required: true })
  workspaceId!: string;

  @Prop({ type: Date, default: null })
  redeemedAt!: Date | null;

  @Prop()
  redeemedBy?: string;
}

export const InviteSchema = SchemaFactory.createForClass(Invite);
