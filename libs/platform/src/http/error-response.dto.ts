import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Documents the single error body shape in OpenAPI. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'INVALID_TRANSITION', description: 'Stable UPPER_SNAKE machine-readable code' }) code: string;
  @ApiProperty({ example: 'Cannot pause a COMPLETED campaign' }) message: string;
  @ApiPropertyOptional({ description: 'Structured detail, e.g. every invalid field for VALIDATION_FAILED' }) details?: unknown;
}
