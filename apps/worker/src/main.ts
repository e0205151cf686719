import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '@app/composition';
import { Env } from '@app/platform';
import { Logger } from 'nestjs-pino';

/**
 * Queue processors only (a small health/metrics port when WORKER_HTTP_PORT is set). On SIGTERM or SIGINT
 * it stops claiming, lets its calls in flight finish and records them, hands back claimed rows it did not
 * send, and exits 0; if that takes longer than SHUTDOWN_GRACE_MS it exits 1 (what it left is recovered by
 * the lease expiry and the sweep of the other workers, as after a crash).
 */
async function bootstrap() {
  const app = await NestFactory.createApplicationContext(AppModule.register({ http: false, workers: true }), { bufferLogs: true });
  const logger = app.get(Logger);
  app.useLogger(logger);
  const graceMs = app.get(Env).SHUTDOWN_GRACE_MS;
  const stop = (signal: NodeJS.Signals) => {
    logger.log(`worker stopping (${signal}): finishing calls in flight, at most ${graceMs} ms`);
    setTimeout(() => {
      logger.error(`worker did not stop within ${graceMs} ms: exiting`);
      process.exit(1);
    }, graceMs).unref();
    app.close().then(
      () => {
        logger.log('worker stopped');
        process.exit(0);
      },
      (e: Error) => {
        logger.error(`worker stopped with an error: ${e.message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  logger.log('worker started');
}

bootstrap().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
