import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '@app/composition';
import { Logger } from 'nestjs-pino';

/** Queue processors only: no HTTP server. SIGTERM lets running jobs finish before the process exits. */
async function bootstrap() {
  const app = await NestFactory.createApplicationContext(AppModule.register({ http: false, workers: true }), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.get(Logger).log('worker started');
}

bootstrap().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
