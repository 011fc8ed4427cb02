/**
 * Where the serve command gets the broker password when the teacher does not want it in the
 * process list (`--password` is visible to every local user in `ps`): an environment variable
 * (`--password-env NAME`) or a prompt on the terminal (`--ask-password`).
 */
import { createInterface } from 'node:readline';
import { InvalidArgumentError } from 'commander';
import { onOneLine } from '../i18n/terminal-text';
import { CLI_TEXT as T } from './cli-text';

/** Reads the password from environment variable `name`; a missing or empty variable is a clear error. */
export function passwordFromEnvironment(name: string, env: NodeJS.ProcessEnv = process.env): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new InvalidArgumentError(onOneLine(T.noPasswordEnv, { name }));
  }
  return value;
}

/**
 * Asks for the password on the terminal without showing it. Without a terminal (piped input) it
 * reads the first line of standard input, so scripts can pipe a password in.
 */
export function askPassword(
  input: NodeJS.ReadableStream & { isTTY?: boolean } = process.stdin,
  output: NodeJS.WritableStream = process.stderr,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const prompt = `${onOneLine(T.passwordPrompt)}: `;
    const hidden = input.isTTY === true;
    const rl = createInterface({ input, output: hidden ? output : undefined, terminal: hidden });
    if (hidden) {
      output.write(prompt);
      // Echo nothing while the password is typed (readline writes what it echoes through this).
      (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => {};
    }
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      if (hidden) output.write('\n');
      rl.close();
      if (line === '') reject(new InvalidArgumentError(onOneLine(T.noPasswordTyped)));
      else resolve(line);
    });
    rl.once('close', () => {
      if (!answered) reject(new InvalidArgumentError(onOneLine(T.noPasswordPiped)));
    });
  });
}
