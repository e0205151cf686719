import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Length } from 'class-validator';

const list = (example: string[], description: string) =>
  ApiProperty({ type: [String], example, maxItems: 20, description });

export class OptOutKeywordsDto {
  @list(['STOP', 'UNSUBSCRIBE'], 'Opt out of marketing messages')
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 40, { each: true })
  opt_out: string[];

  @list(['STOP ALL'], 'Opt out of every message')
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 40, { each: true })
  opt_out_all: string[];

  @list(['START'], 'Opt back in')
  @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @Length(1, 40, { each: true })
  opt_in: string[];
}
