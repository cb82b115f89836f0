import { IsString, MaxLength } from 'class-validator';

export class SearchQueryDto {
  @IsString()
  @MaxLength(40)
  category!: string;
}
