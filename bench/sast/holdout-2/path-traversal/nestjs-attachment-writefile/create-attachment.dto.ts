import { IsBase64, IsString, MaxLength } from 'class-validator';

export class CreateAttachmentDto {
  @IsString()
  @MaxLength(200)
  fileName!: string;

  @IsBase64()
  contentBase64!: string;
}
