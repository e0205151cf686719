import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '@app/composition';
import { API_PREFIX, configureApp, WorkspacesService } from '@app/platform';
import { DataSource } from 'typeorm';
async function main() {
  Object.assign(process.env, { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/wace_scratch_analytics', MIGRATIONS_RUN: 'false', LOG_LEVEL: 'error', QUEUE_PREFIX: 'scratch-x' });
  const app = await NestFactory.create(AppModule.register({ http: true, workers: false }), { bodyParser: false, bufferLogs: true });
  configureApp(app, { swagger: false });
  await app.listen(0, '127.0.0.1');
  const api = `${(await app.getUrl()).replace('[::1]', '127.0.0.1')}/${API_PREFIX}`;
  const [ws] = await app.get(DataSource).query(`SELECT workspace_id AS id FROM campaigns WHERE id = '11111111-1111-4111-8111-111111111111'`);
  const { key } = await app.get(WorkspacesService).createApiKey(ws.id, ['*']);
  let live = 0;
  const s = setInterval(() => { (global as any).gc(); live = Math.max(live, process.memoryUsage().heapUsed); }, 1000);
  const t = performance.now();
  const res = await fetch(`${api}/campaigns/11111111-1111-4111-8111-111111111111/recipients`, { headers: { Authorization: `Bearer ${key}`, Accept: 'text/csv' } });
  let bytes = 0;
  for await (const c of res.body as any) bytes += c.length;
  clearInterval(s);
  console.log({ ms: performance.now() - t, bytes, liveHeapPeakMB: live / 1048576 });
  await app.close();
}
main();
