import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { ALL_MIGRATIONS } from '@app/composition';
import { dataSourceOptions } from '@app/platform';

/** For the TypeORM CLI (npm run migration:*). The apps build their DataSource through Nest instead. */
export default new DataSource(
  dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/wa_campaigns', ALL_MIGRATIONS),
);
