import { ApiHeader } from '@nestjs/swagger';

export const IdempotencyHeader = () =>
  ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Replays the first response for 24 h (1-255 chars)' });
