import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '@app/composition';
import { configureApp, validateEnv } from '@app/platform';

/** The HTTP API. With RUN_WORKERS=true it also runs the queue processors (single-process development mode). */
async function bootstrap() {
  // Validated before the modules are chosen: RUN_WORKERS decides which ones load.
  const env = validateEnv(process.env);
  const app = await NestFactory.create(AppModule.register({ http: true, workers: env.RUN_WORKERS }), { bodyParser: false, bufferLogs: true });
  await configureApp(app);
  await app.listen(env.PORT, env.HOST);
}

bootstrap().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
