import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Command, CommanderError } from 'commander';
import { AppModule } from '@app/composition';
import { toErrorBody, WorkspacesService } from '@app/platform';

/** Admin CLI (workspaces and API keys): every command prints one JSON document on stdout. */
async function run(action: (svc: WorkspacesService) => Promise<unknown>) {
  process.env.LOG_LEVEL ??= 'warn';
  const app = await NestFactory.createApplicationContext(AppModule.register({ http: false, workers: false }), { logger: ['error'] });
  try {
    process.stdout.write(JSON.stringify(await action(app.get(WorkspacesService))) + '\n');
  } catch (err) {
    process.stderr.write(JSON.stringify(toErrorBody(err)) + '\n');
    process.exitCode = 1;
  } finally {
    await app.close();
  }
}

const program = new Command('cli').exitOverride();
program
  .command('workspace:create')
  .requiredOption('--name <name>', 'workspace name')
  .action((o: { name: string }) => run((s) => s.createWorkspace(o.name)));
program
  .command('api-key:create')
  .requiredOption('--workspace <id>', 'workspace id')
  .requiredOption('--scopes <list>', 'comma-separated scopes, or *')
  .option('--name <name>', 'label for the key')
  .action((o: { workspace: string; scopes: string; name?: string }) =>
    run((s) => s.createApiKey(o.workspace, o.scopes.split(',').map((x) => x.trim()).filter(Boolean), o.name)),
  );
program
  .command('api-key:revoke')
  .requiredOption('--id <id>', 'API key id')
  .action((o: { id: string }) => run((s) => s.revokeApiKey(o.id)));

program.parseAsync(process.argv).catch((err) => {
  if (!(err instanceof CommanderError)) console.error(err);
  process.exitCode = err instanceof CommanderError ? err.exitCode || 2 : 1;
});
