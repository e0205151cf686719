import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '@app/composition';
import { configureApp, Env } from '@app/platform';

/** The HTTP API. With RUN_WORKERS=true it also runs the queue processors (single-process development mode). */
async function bootstrap() {
  const workers = ['1', 'true'].includes((process.env.RUN_WORKERS ?? '').toLowerCase());
  const app = await NestFactory.create(AppModule.register({ http: true, workers }), { bodyParser: false, bufferLogs: true });
  await configureApp(app);
  await app.listen(app.get(Env).PORT, process.env.HOST ?? '0.0.0.0');
}

bootstrap().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
