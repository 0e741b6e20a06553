import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';

/**
 * The one TypeORM configuration, shared by the app (DatabaseModule) and the CLI (ormconfig.ts).
 * Schema changes only through migrations: `synchronize` stays off everywhere.
 */
export function dataSourceOptions(databaseUrl: string, connectTimeoutMs = 10_000): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: [join(__dirname, '..', '**', '*.entity.{ts,js}')],
    migrations: [join(__dirname, 'migrations', '*.{ts,js}')],
    migrationsTableName: 'typeorm_migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: ['error'],
    extra: {
      max: 10,
      application_name: 'usaspending-download',
      // A server that does not take the connection in time is down: requests answer 503 instead of waiting.
      connectionTimeoutMillis: connectTimeoutMs,
      // Lets the operating system notice a server that vanished without closing the connection.
      keepAlive: true,
    },
  };
}
