import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Env } from '../config/env';
import { dataSourceOptions } from './data-source-options';

export interface DatabaseModuleOptions {
  /** Every module's migration classes, in order; the composition root collects them. */
  migrations: Function[];
}

@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [Env],
          useFactory: (env: Env) => ({
            ...dataSourceOptions(env.DATABASE_URL, options.migrations, [], env.DATABASE_POOL_SIZE),
            migrationsRun: env.MIGRATIONS_RUN,
            // Entities are registered by each module's TypeOrmModule.forFeature: globs break under webpack.
            autoLoadEntities: true,
          }),
        }),
      ],
    };
  }
}
