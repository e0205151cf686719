import type { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

/** Shared by the Nest apps and the TypeORM CLI's data-source so both see the same schema. */
export function dataSourceOptions(url: string, migrations: Function[], entities: Function[] = [], poolSize = 20): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsTransactionMode: 'each',
    namingStrategy: new SnakeNamingStrategy(),
    extra: {
      max: poolSize,
      // Our statements are short, index-driven batches. Once a table holds a few hundred thousand rows the
      // planner's cost estimates pass jit_above_cost and Postgres spends 100-300 ms compiling each 100-status
      // webhook batch (measured: it cut dispatch throughput in half), so JIT is off for this pool.
      options: '-c jit=off',
    },
  };
}
