import { Global, Module } from '@nestjs/common';
import { AppConfig } from './app-config';

/** Provides the one AppConfig read at boot; bootstrap code passes the same instance in. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: AppConfig) {
    return {
      module: ConfigModule,
      providers: [{ provide: AppConfig, useValue: config }],
      exports: [AppConfig],
    };
  }
}
