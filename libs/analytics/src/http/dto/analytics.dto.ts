import { ApiProperty, ApiPropertyOptional, IntersectionType } from '@nestjs/swagger';
import { PageQueryDto, ApiPageTotal } from '@app/platform';
import { PUBLIC_RECIPIENT_STATUSES, PublicRecipientStatus, TIMELINE_BUCKETS, TimelineBucket } from '@app/dispatch';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional } from 'class-validator';

const BUCKETS = Object.keys(TIMELINE_BUCKETS) as TimelineBucket[];

export class ErrorBucketDto {
  @ApiProperty({ description: 'Meta\'s error code, or the engine\'s (MISSING_VARIABLE, OPTED_OUT, CAMPAIGN_STOPPED, …); UNKNOWN when none was reported', example: '131056' })
  code: string;
  @ApiProperty({ description: 'From the error catalog; an unknown code keeps Meta\'s own message', example: 'Pair rate limit hit (too many messages to this number)' })
  title: string;
  @ApiProperty({ example: 'Space messages to one recipient out (at least 6 s).' }) fix: string;
  @ApiProperty({ type: 'integer', description: 'Recipients of this list with this code' }) count: number;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'The error message of the most recent recipient with this code' })
  sample_message: string | null;
}

export class ErrorSummaryResponseDto {
  @ApiProperty({ type: 'integer', description: 'Failed recipients (stats.failed): the sum of by_code', example: 312 })
  total_failed: number;
  @ApiProperty({ type: [ErrorBucketDto], description: 'Failed recipients by error code, most frequent first' })
  by_code: ErrorBucketDto[];
  @ApiProperty({
    type: 'integer',
    description: 'Recipients not sent on purpose (stats.skipped) plus, once STOPPED, those never dispatched: the sum of skipped_by_code',
    example: 4,
  })
  total_skipped: number;
  @ApiProperty({ type: [ErrorBucketDto], description: 'Skipped recipients by reason (OPTED_OUT, INVALID_PHONE, MISSING_VARIABLE, CAMPAIGN_STOPPED, …), most frequent first' })
  skipped_by_code: ErrorBucketDto[];
}

export class ErrorRecipientDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '+919812345678' }) phone_number: string;
  @ApiProperty({ format: 'uuid' }) contact_id: string;
  @ApiProperty({ enum: ['failed', 'skipped', 'pending', 'queued'], description: '`pending` or `queued` only under CAMPAIGN_STOPPED' }) status: PublicRecipientStatus;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'WhatsApp message id (wamid) when the send was accepted' }) message_id: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error: string | null;
}

export class ErrorRecipientsResponseDto {
  @ApiProperty({ example: '131056' }) error_code: string;
  @ApiProperty({ type: [ErrorRecipientDto], description: 'Newest first' }) recipients: ErrorRecipientDto[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Cursor of the next page; null on the last one' }) next_cursor: string | null;
  @ApiPageTotal() total?: number;
}

/** The filter of a recipients export (and of the list). */
export class ExportRecipientsQueryDto {
  @ApiPropertyOptional({
    enum: PUBLIC_RECIPIENT_STATUSES,
    isArray: true,
    description: `Comma-separated statuses among ${PUBLIC_RECIPIENT_STATUSES.join(', ')}; \`queued\` includes recipients whose send is in flight`,
    example: ['failed', 'skipped'],
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean) : value))
  @IsIn(PUBLIC_RECIPIENT_STATUSES, { each: true })
  status?: PublicRecipientStatus[];
}

export class ListRecipientsQueryDto extends IntersectionType(PageQueryDto, ExportRecipientsQueryDto) {}

export class RecipientDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) contact_id: string;
  @ApiProperty({ example: '+919812345678' }) phone_number: string;
  @ApiProperty({ enum: PUBLIC_RECIPIENT_STATUSES }) status: PublicRecipientStatus;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'WhatsApp message id (wamid)' }) message_id: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Meta\'s code or the engine\'s; see GET /campaigns/{id}/errors' }) error_code: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error: string | null;
  @ApiPropertyOptional({ nullable: true, type: 'object', additionalProperties: { type: 'string' }, description: 'Values sent for the template placeholders', example: { 'body.1': 'Ana' } }) variables: Record<string, string> | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) sent_at: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) delivered_at: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) read_at: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) failed_at: string | null;
}

export class RecipientListResponseDto {
  @ApiProperty({ type: [RecipientDto] }) data: RecipientDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) next_cursor: string | null;
  @ApiPageTotal() total?: number;
}

export class TimelineQueryDto {
  @ApiPropertyOptional({ enum: BUCKETS, default: '1m' })
  @IsOptional() @IsIn(BUCKETS)
  bucket: TimelineBucket = '1m';
}

export class TimelinePointDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the bucket (UTC)' }) at: string;
  @ApiProperty({ type: 'integer' }) sent: number;
  @ApiProperty({ type: 'integer' }) delivered: number;
  @ApiProperty({ type: 'integer' }) read: number;
  @ApiProperty({ type: 'integer' }) failed: number;
  @ApiProperty({ type: 'integer', description: 'Test sends (POST /campaigns/{id}/test) made in the bucket; in no stats counter', example: 0 }) test: number;
  @ApiProperty({ type: 'integer', description: 'Pending recipients due in this future bucket (their send window opens, or a retry delay ends)', example: 0 }) waiting: number;
}

export class TimelineResponseDto {
  @ApiProperty({ enum: BUCKETS }) bucket: TimelineBucket;
  @ApiProperty({
    type: [TimelinePointDto],
    description:
      'Oldest first; buckets without events are omitted. Each recipient counts once per column at the time it reached ' +
      'that state, only while it still counts in that stats counter, so each column adds up to the campaign\'s stats',
  })
  series: TimelinePointDto[];
}
