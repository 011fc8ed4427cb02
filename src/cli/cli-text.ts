/**
 * What the `mqtt-blocks` command says (help, errors, progress), printed in every language by
 * src/i18n/terminal-text.ts. The start-up banner's words are in banner.ts.
 */
import type { Message } from '../../blocks/types';

export const CLI_TEXT = {
  programDescription: {
    id: 'mqtt.cli.description',
    default: 'MQTT blocks for classroom block programming',
    description: 'Command line (mqtt-blocks --help): what the program is.',
  },
  targetMicropython: {
    id: 'mqtt.cli.target.micropython',
    default: 'ESP32/ESP8266 boards with MicroPython (umqtt.simple)',
    description: 'Command line help: what the micropython target is for.',
  },
  targetPython: {
    id: 'mqtt.cli.target.python',
    default: 'Raspberry Pi / any computer with Python 3 and paho-mqtt',
    description: 'Command line help: what the python target is for.',
  },
  chooseOneOf: {
    id: 'mqtt.cli.chooseOneOf',
    default: 'choose one of: {choices}',
    description: 'Command line error: a value is not one of the allowed ones. {choices} lists them.',
  },
  missingWorkspace: {
    id: 'mqtt.cli.generate.missingWorkspace',
    default: 'Missing WORKSPACE.json',
    description: 'Command line error: "generate" was given no workspace file. Keep WORKSPACE.json.',
  },
  missingTarget: {
    id: 'mqtt.cli.generate.missingTarget',
    default: 'Missing --target ({choices})',
    description: 'Command line error: "generate" needs --target. {choices} lists the targets.',
  },
  notBoth: {
    id: 'mqtt.cli.generate.notBoth',
    default: 'Use either -o FILE (one file) or --out-dir DIR (main.py and mqtt_blocks.py), not both',
    description: 'Command line error: both -o and --out-dir were given. Keep the options as they are.',
  },
  fileNotFound: {
    id: 'mqtt.cli.fileNotFound',
    default: 'File not found: {file}',
    description: 'Command line error: the named file does not exist. {file} is its path.',
  },
  cannotRead: {
    id: 'mqtt.cli.cannotRead',
    default: 'Cannot read {file} ({code})',
    description: 'Command line error: the file exists but cannot be read. {code} is the system\'s error code (EACCES...).',
  },
  wrote: {
    id: 'mqtt.cli.wrote',
    default: 'Wrote {file}',
    description: 'Command line: a file was written. {file} is its path.',
  },
  cannotGenerate: {
    id: 'mqtt.cli.generate.failed',
    default: 'Cannot make board code from {file} ({detail}). Check that it is a file saved by the board editor; if it is, please report this.',
    description: 'Command line error: an unexpected failure while generating. {detail} is the technical reason in English.',
  },
  generateDescription: {
    id: 'mqtt.cli.generate.description',
    default: 'turn a Blockly workspace file or a Scratch project (.sb3) into board code',
    description: 'Command line help of "generate".',
  },
  generateArgument: {
    id: 'mqtt.cli.generate.argument',
    default: 'file saved by the board editor (Blockly JSON) or by Scratch',
    description: 'Command line help of "generate": its file argument.',
  },
  generateTarget: {
    id: 'mqtt.cli.generate.option.target',
    default: 'code to generate: {choices}',
    description: 'Command line help of "generate --target". {choices} lists the targets.',
  },
  generateOutput: {
    id: 'mqtt.cli.generate.option.output',
    default: 'write one self-contained file instead of the screen',
    description: 'Command line help of "generate -o".',
  },
  generateOutDir: {
    id: 'mqtt.cli.generate.option.outDir',
    default: 'write main.py and the library mqtt_blocks.py into DIR',
    description: 'Command line help of "generate --out-dir". Keep the file names.',
  },
  generateLang: {
    id: 'mqtt.cli.generate.option.lang',
    default: 'language of the messages in the code: {choices}',
    description: 'Command line help of "generate --lang". {choices} lists the languages.',
  },
  generateListTargets: {
    id: 'mqtt.cli.generate.option.listTargets',
    default: 'list the targets and exit',
    description: 'Command line help of "generate --list-targets".',
  },
  targetsHeading: {
    id: 'mqtt.cli.generate.targets',
    default: 'Targets',
    description: 'Command line help of "generate": heading of the list of targets.',
  },
  exampleHeading: {
    id: 'mqtt.cli.generate.example',
    default: 'Example',
    description: 'Command line help: heading of the examples.',
  },
  badPort: {
    id: 'mqtt.cli.serve.badPort',
    default: 'a port is a whole number from 0 to 65535',
    description: 'Command line error: a port option is not a valid port number.',
  },
  badSize: {
    id: 'mqtt.cli.serve.badSize',
    default: 'a size is a whole number of bytes, or with k or m, e.g. 2m',
    description: 'Command line error: a size option is malformed. Keep "k", "m" and "2m".',
  },
  badCount: {
    id: 'mqtt.cli.serve.badCount',
    default: 'a whole number from 1 is needed',
    description: 'Command line error: a count option is not a whole number of at least 1.',
  },
  onePassword: {
    id: 'mqtt.cli.serve.onePassword',
    default: 'use only one of --password, --password-env and --ask-password',
    description: 'Command line error: more than one way of giving the password. Keep the options.',
  },
  stopping: {
    id: 'mqtt.cli.serve.stopping',
    default: 'Stopping...',
    description: 'Terminal: the classroom server is stopping after Ctrl-C.',
  },
  serveDescription: {
    id: 'mqtt.cli.serve.description',
    default: 'start the classroom broker and editor pages',
    description: 'Command line help of "serve".',
  },
  noPasswordEnv: {
    id: 'mqtt.cli.password.envMissing',
    default: 'the environment variable {name} is not set or empty: set it to the password first (for example {name}=... mqtt-blocks serve --lan --password-env {name})',
    description: 'Command line error for --password-env: the named environment variable is empty. {name} is its name.',
  },
  passwordPrompt: {
    id: 'mqtt.cli.password.prompt',
    default: 'Password for the classroom broker',
    description: 'Terminal prompt of --ask-password (followed by ": ").',
  },
  noPasswordTyped: {
    id: 'mqtt.cli.password.noneTyped',
    default: 'no password typed',
    description: 'Command line error for --ask-password: an empty line was typed.',
  },
  noPasswordPiped: {
    id: 'mqtt.cli.password.nonePiped',
    default: 'no password given on standard input',
    description: 'Command line error for --ask-password with piped input: nothing came.',
  },
  setupFailedNpm: {
    id: 'mqtt.cli.setup.npmFailed',
    default: 'npm {command} failed: {detail}. Check the network or the npm settings.',
    description: 'Setting up the Scratch editor: downloading with npm failed. {detail} is npm\'s own output (English).',
  },
  setupAlready: {
    id: 'mqtt.cli.setup.already',
    default: 'Scratch editor {version} is already set up in {folder}',
    description: 'Setting up the Scratch editor: nothing to do.',
  },
  setupDownloading: {
    id: 'mqtt.cli.setup.downloading',
    default: 'Downloading {package}@{version} (about 150 MB)…',
    description: 'Setting up the Scratch editor: the download starts.',
  },
  setupChecksum: {
    id: 'mqtt.cli.setup.checksum',
    default: 'The downloaded package does not match the pinned checksum (got {integrity}). Nothing was installed.',
    description: 'Setting up the Scratch editor: the download is not the expected file.',
  },
  setupTar: {
    id: 'mqtt.cli.setup.tar',
    default: 'tar failed: {detail}. Unpacking needs the system\'s tar command.',
    description: 'Setting up the Scratch editor: unpacking failed. {detail} is tar\'s own output.',
  },
  setupNpmOutput: {
    id: 'mqtt.cli.setup.npmOutput',
    default: 'npm pack finished but did not name the file it downloaded (it said: {detail}). Run the command again; if this keeps happening, update npm.',
    description: 'Setting up the Scratch editor: npm pack succeeded but its output was not the expected list of files. {detail} is the start of npm\'s output.',
  },
  setupNoBuild: {
    id: 'mqtt.cli.setup.noBuild',
    default: 'The downloaded package has no {file}, so it is not the prebuilt editor this version of mqtt-blocks expects. Nothing was installed.',
    description: 'Setting up the Scratch editor: the unpacked package lacks the editor bundle. {file} is its path in the package.',
  },
  setupCopy: {
    id: 'mqtt.cli.setup.copy',
    default: 'Could not put the editor into {folder}: {detail}. Check that the disk has about 100 MB free and that the folder can be written, then run "npm run setup:scratch-editor" again.',
    description: 'Setting up the Scratch editor: copying the unpacked editor into place failed. {detail} is the system\'s own message (English).',
  },
  setupInterrupted: {
    id: 'mqtt.cli.setup.interrupted',
    default: 'Stopped. The temporary download was removed; nothing was installed.',
    description: 'Setting up the Scratch editor: the teacher pressed Ctrl-C (or the process was told to stop).',
  },
  setupKeptPrevious: {
    id: 'mqtt.cli.setup.keptPrevious',
    default: 'The Scratch editor that was already there is unchanged and still works.',
    description: 'Setting up the Scratch editor failed, but an earlier editor was there before: it is still in place.',
  },
  setupDone: {
    id: 'mqtt.cli.setup.done',
    default: 'Scratch editor set up in {folder}. Open /scratch/ on the classroom server.',
    description: 'Setting up the Scratch editor: done.',
  },
  setupFailed: {
    id: 'mqtt.cli.setup.failed',
    default: 'Setting up the Scratch editor failed: {detail}',
    description: 'Setting up the Scratch editor: an unexpected failure.',
  },
  generateSprite: {
    id: 'mqtt.cli.generate.option.sprite',
    default: 'Scratch projects: only this sprite\'s scripts',
    description: 'Command line help of "generate --sprite".',
  },
  generateSkipUnsupported: {
    id: 'mqtt.cli.generate.option.skipUnsupported',
    default: 'Scratch projects: leave out (and list) scripts a board cannot run',
    description: 'Command line help of "generate --skip-unsupported".',
  },
  generateBroker: {
    id: 'mqtt.cli.generate.option.broker',
    default: 'Scratch projects: the broker address for the board, e.g. mqtt://192.168.1.2:1883',
    description: 'Command line help of "generate --broker". Keep the example address.',
  },
  buildUpToDate: {
    id: 'mqtt.cli.build.upToDate',
    default: 'The pages and the extension are up to date (nothing changed since the last build).',
    description: 'npm start: the build step was skipped because no source file changed.',
  },
  buildStarting: {
    id: 'mqtt.cli.build.starting',
    default: 'Building the pages and the extension (only what changed; the first time takes a minute or two)…',
    description: 'npm start: the build step runs because a source file changed or nothing was built yet.',
  },
  buildFailed: {
    id: 'mqtt.cli.build.failed',
    default: 'Building failed (see above). Run "npm install" in the mqtt-blocks folder, then "npm start" again.',
    description: 'npm start: the build step failed; what to try next.',
  },
  serveHttpPort: {
    id: 'mqtt.cli.serve.option.httpPort',
    default: 'port for pages, the extension and MQTT over WebSocket (default {port})',
    description: 'Command line help of "serve --http-port".',
  },
  serveTcpPort: {
    id: 'mqtt.cli.serve.option.tcpPort',
    default: 'MQTT (TCP) port for boards (default {port})',
    description: 'Command line help of "serve --tcp-port".',
  },
  serveLan: {
    id: 'mqtt.cli.serve.option.lan',
    default: 'let boards and other computers on the network connect (asks for a password)',
    description: 'Command line help of "serve --lan".',
  },
  serveUsername: {
    id: 'mqtt.cli.serve.option.username',
    default: 'username clients must use (generated with --lan if missing)',
    description: 'Command line help of "serve --username". Keep --lan.',
  },
  servePassword: {
    id: 'mqtt.cli.serve.option.password',
    default: 'password clients must use (generated with --lan if missing; visible to other users in the process list)',
    description: 'Command line help of "serve --password". Keep --lan.',
  },
  servePasswordEnv: {
    id: 'mqtt.cli.serve.option.passwordEnv',
    default: 'read the password from this environment variable instead',
    description: 'Command line help of "serve --password-env".',
  },
  serveAskPassword: {
    id: 'mqtt.cli.serve.option.askPassword',
    default: 'type the password when the server starts instead (not shown)',
    description: 'Command line help of "serve --ask-password".',
  },
  serveRetainedFile: {
    id: 'mqtt.cli.serve.option.retainedFile',
    default: 'keep retained messages in this JSON file across restarts',
    description: 'Command line help of "serve --retained-file".',
  },
  serveAllowOrigin: {
    id: 'mqtt.cli.serve.option.allowOrigin',
    default: 'also let pages from this web site use the broker, e.g. https://example.org (repeatable)',
    description: 'Command line help of "serve --allow-origin". Keep the example address.',
  },
  serveAllowHost: {
    id: 'mqtt.cli.serve.option.allowHost',
    default: 'also answer to this name (a school name, or a proxy as name:port), e.g. classroom.school.lan (repeatable)',
    description: 'Command line help of "serve --allow-host". Keep the example name.',
  },
  serveMaxPacketSize: {
    id: 'mqtt.cli.serve.option.maxPacketSize',
    default: 'largest MQTT packet, e.g. 2m (default 2 MiB)',
    description: 'Command line help of "serve --max-packet-size". Keep 2m and 2 MiB.',
  },
  serveMaxQueuedBytes: {
    id: 'mqtt.cli.serve.option.maxQueuedBytes',
    default: 'data waiting for one client before its messages are dropped (default 4 MiB)',
    description: 'Command line help of "serve --max-queued-bytes". Keep 4 MiB.',
  },
  serveMaxQueuedMessages: {
    id: 'mqtt.cli.serve.option.maxQueuedMessages',
    default: 'messages waiting for one client before they are dropped (default 1000)',
    description: 'Command line help of "serve --max-queued-messages".',
  },
  serveMaxConnectionsPerAddress: {
    id: 'mqtt.cli.serve.option.maxConnectionsPerAddress',
    default: 'connections from one computer (default 100)',
    description: 'Command line help of "serve --max-connections-per-address".',
  },
  helpOption: {
    id: 'mqtt.cli.option.help',
    default: 'show this help',
    description: 'Command line help of "--help", on every command.',
  },
  helpCommand: {
    id: 'mqtt.cli.command.help',
    default: 'show the help of a command',
    description: 'Command line help of "mqtt-blocks help [command]".',
  },
  helpUsage: {
    id: 'mqtt.cli.help.usage',
    default: 'Usage:',
    description: 'Command line help: heading before how to type the command. Keep the colon.',
  },
  helpArguments: {
    id: 'mqtt.cli.help.arguments',
    default: 'Arguments:',
    description: 'Command line help: heading of the list of a command\'s arguments (such as a file name). Keep the colon.',
  },
  helpOptions: {
    id: 'mqtt.cli.help.options',
    default: 'Options:',
    description: 'Command line help: heading of the list of options (--something). Keep the colon.',
  },
  helpCommands: {
    id: 'mqtt.cli.help.commands',
    default: 'Commands:',
    description: 'Command line help: heading of the list of commands (serve, generate …). Keep the colon.',
  },
  versionOption: {
    id: 'mqtt.cli.option.version',
    default: 'show the version number',
    description: 'Command line help of "mqtt-blocks --version".',
  },
  loaderDescription: {
    id: 'mqtt.cli.loader.description',
    default: 'write the classroom loader for one board: it takes new programs over Wi-Fi',
    description: 'Command line help of "loader".',
  },
  loaderBoard: {
    id: 'mqtt.cli.loader.option.board',
    default: 'name of the board, e.g. desk7 (letters, digits, - and _)',
    description: 'Command line help of "loader --board". Keep desk7 and the allowed characters.',
  },
  loaderBroker: {
    id: 'mqtt.cli.loader.option.broker',
    default: 'classroom broker for boards, mqtt://HOST:PORT',
    description: 'Command line help of "loader --broker". mqtt://HOST:PORT is a pattern: keep mqtt:// and the colon, translate HOST and PORT.',
  },
  loaderUsername: {
    id: 'mqtt.cli.loader.option.username',
    default: 'broker username (a --lan classroom)',
    description: 'Command line help of "loader --username". Keep --lan.',
  },
  loaderPassword: {
    id: 'mqtt.cli.loader.option.password',
    default: 'broker password (a --lan classroom)',
    description: 'Command line help of "loader --password". Keep --lan.',
  },
  loaderWifi: {
    id: 'mqtt.cli.loader.option.wifi',
    default: 'name of the classroom Wi-Fi',
    description: 'Command line help of "loader --wifi".',
  },
  loaderWifiPassword: {
    id: 'mqtt.cli.loader.option.wifiPassword',
    default: 'password of the classroom Wi-Fi (leave it out for an open Wi-Fi)',
    description: 'Command line help of "loader --wifi-password".',
  },
  loaderOutDir: {
    id: 'mqtt.cli.loader.option.outDir',
    default: 'folder to write the files to',
    description: 'Command line help of "loader --out-dir".',
  },
  sendDescription: {
    id: 'mqtt.cli.send.description',
    default: 'send a program to a board over Wi-Fi (the board needs the classroom loader)',
    description: 'Command line help of "send".',
  },
  sendArgument: {
    id: 'mqtt.cli.send.argument',
    default: 'the program, e.g. main.py',
    description: 'Command line help of the file argument of "send". Keep main.py.',
  },
  sendBoard: {
    id: 'mqtt.cli.send.option.board',
    default: 'name of the board (as given to "loader --board")',
    description: 'Command line help of "send --board". Keep "loader --board".',
  },
  sendBroker: {
    id: 'mqtt.cli.send.option.broker',
    default: 'classroom broker, mqtt://HOST:PORT',
    description: 'Command line help of "send --broker". mqtt://HOST:PORT is a pattern: keep mqtt:// and the colon, translate HOST and PORT.',
  },
  sendUsername: {
    id: 'mqtt.cli.send.option.username',
    default: 'broker username (a --lan classroom)',
    description: 'Command line help of "send --username". Keep --lan.',
  },
  sendPassword: {
    id: 'mqtt.cli.send.option.password',
    default: 'broker password (a --lan classroom)',
    description: 'Command line help of "send --password". Keep --lan.',
  },
} as const satisfies Record<string, Message>;
