import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** Documents the single error body shape in OpenAPI. */
export class ErrorResponseDto {
  @ApiProperty({ type: 'integer', example: 400 }) statusCode: number;
  @ApiProperty({ example: 'Bad Request' }) error: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable UPPER_SNAKE machine-readable code' }) code: string;
  @ApiProperty({ example: 'Invalid request: name' }) message: string;
  @ApiPropertyOptional({
    description: 'Structured detail: a list (every invalid field for VALIDATION_FAILED, every problem for INVALID_VARIABLE_MAPPING) or an object (e.g. `{campaign_ids}` for CHANNEL_IN_USE)',
    oneOf: [
      { type: 'array', items: { type: 'object', additionalProperties: true } },
      { type: 'object', additionalProperties: true },
    ],
  })
  details?: Record<string, unknown>[] | Record<string, unknown>;
}
