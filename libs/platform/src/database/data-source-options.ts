import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Shared by the Nest apps and the TypeORM CLI's data-source so both see the same schema. */
export function dataSourceOptions(url: string, migrations: Function[], entities: Function[] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    extra: { max: Number(process.env.DATABASE_POOL_SIZE ?? 20) },
  };
}
