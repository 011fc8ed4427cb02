import { Command } from 'commander';
import { helpText } from '../i18n/terminal-text';
import { CLI_TEXT } from './cli-text';
import { registerGenerateCommand } from './generate-command';
import { registerLoaderCommand } from './loader-command';
import { localiseHelp } from './localised-help';
import { localiseParseErrors } from './parse-errors';
import { registerSendCommand } from './send-command';
import { registerServeCommand } from './serve-command';

/**
 * The `mqtt-blocks` command. Keep this file a plain list of registrations: each
 * subcommand lives in its own `*-command.ts` and adds itself with one line here.
 */
export function buildProgram(): Command {
  const program = new Command('mqtt-blocks')
    .description(helpText(CLI_TEXT.programDescription))
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- package.json sits outside rootDir's module graph; read it at run time
    .version((require('../../package.json') as { version: string }).version, '-V, --version', helpText(CLI_TEXT.versionOption));
  localiseHelp(program);
  registerServeCommand(program);
  registerGenerateCommand(program);
  registerLoaderCommand(program);
  registerSendCommand(program);
  return localiseParseErrors(program);
}

export async function main(argv: string[] = process.argv): Promise<void> {
  await buildProgram().parseAsync(argv);
}

// Run when started directly (`tsx src/cli/main.ts serve`); bin/mqtt-blocks.js calls main() itself.
if (require.main === module) {
  main().catch((error: Error) => {
    console.error(error.stack ?? error.message);
    process.exit(1);
  });
}
