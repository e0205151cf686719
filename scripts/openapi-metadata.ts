import { PluginMetadataGenerator } from '@nestjs/cli/lib/compiler/plugins/plugin-metadata-generator';
import { join, relative } from 'node:path';

// The package exports its plugin as `@nestjs/swagger/plugin`; its types live under dist/, where node10 resolution finds them.
const { ReadonlyVisitor } = require('@nestjs/swagger/plugin') as typeof import('@nestjs/swagger/dist/plugin');

const ROOT = join(__dirname, '..');
/** The options `nest-cli.json` gives the swagger plugin: the generated module must say what the build says. */
const SWAGGER_PLUGIN_OPTIONS = { classValidatorShim: true, introspectComments: true, dtoFileNameSuffix: ['.dto.ts'] };
const METADATA_DIR = join(ROOT, 'libs/composition/src');

/**
 * Writes what the @nestjs/swagger plugin adds to DTOs and controllers at build time as a module, for the
 * processes that compile without the plugin (ts-jest, ts-node). `npm run openapi:metadata`.
 */
function generateOpenApiMetadata(): void {
  new PluginMetadataGenerator().generate({
    visitors: [new ReadonlyVisitor({ ...SWAGGER_PLUGIN_OPTIONS, pathToSource: METADATA_DIR })],
    outputDir: METADATA_DIR,
    filename: 'openapi-metadata.ts',
    // Resolved against the working directory by the generator.
    tsconfigPath: relative(process.cwd(), join(ROOT, 'apps/api/tsconfig.app.json')),
    printDiagnostics: false,
  });
}

generateOpenApiMetadata();
