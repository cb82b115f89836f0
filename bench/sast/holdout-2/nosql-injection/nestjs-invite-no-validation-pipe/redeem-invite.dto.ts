import { IsEmail, IsString, Length } from 'class-validator';

export class RedeemInviteDto {
  @IsString()
  @Length(24, 24)
  code!: string;

  @IsEmail()
  email!: string;
}
