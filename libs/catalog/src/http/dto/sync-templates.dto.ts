import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';

export class SyncTemplatesDto {
  @ApiProperty({ format: 'uuid', description: "The channel whose WABA's templates are pulled" })
  @IsUUID()
  channel_id: string;
}
