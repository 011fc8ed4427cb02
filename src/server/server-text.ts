/**
 * What the classroom server says on the teacher's terminal (start-up errors, log lines), printed in
 * every language by src/i18n/terminal-text.ts.
 */
import type { Message } from '../../blocks/types';

export const SERVER_TEXT = {
  tcpPortInUse: {
    id: 'mqtt.server.port.tcpInUse',
    default: 'Port {port} is already used, probably by another MQTT broker such as Mosquitto. Stop it or start with {option} {next}.',
    description: 'Server start-up error: the MQTT (TCP) port is taken. {option} is the command option (keep it), {next} a free port to try.',
  },
  httpPortInUse: {
    id: 'mqtt.server.port.httpInUse',
    default: 'Port {port} is already used by another program (perhaps another mqtt-blocks server). Stop it or start with {option} {next}.',
    description: 'Server start-up error: the web page port is taken. {option} is the command option (keep it), {next} a port to try.',
  },
  portNotAllowed: {
    id: 'mqtt.server.port.notAllowed',
    default: 'This computer does not allow this program to use port {port}. Start with {option} {next} (ports below 1024 need administrator rights).',
    description: 'Server start-up error: the system refuses the port (below 1024 without administrator rights). {option} is the command option, {next} a port to use.',
  },
  addressNotHere: {
    id: 'mqtt.server.port.addressNotHere',
    default: 'The address {host} does not belong to this computer, so port {port} cannot be opened on it.',
    description: 'Server start-up error: the server was told to listen on an address of another computer.',
  },
  retainedSkipped: {
    id: 'mqtt.server.retained.skipped',
    default: 'Skipped {count} saved retained message(s) in {file} that were not valid (wildcard, empty or $ topic, bad payload).',
    description: 'Server log: some messages in the retained-messages file were not loaded. {count} is how many, {file} the file.',
  },
  retainedCannotUse: {
    id: 'mqtt.server.retained.cannotUse',
    default: 'Cannot use {file} for retained messages: {detail}. Choose another file with --retained-file.',
    description: 'Server start-up error: the --retained-file cannot be read. {detail} is the system\'s reason in English.',
  },
  retainedLink: {
    id: 'mqtt.server.retained.link',
    default: '{file} is a link to another file; the server does not write through links. Give the real file\'s name, or a new name, with --retained-file.',
    description: 'Server start-up error: the --retained-file is a symbolic link.',
  },
  retainedNotFile: {
    id: 'mqtt.server.retained.notFile',
    default: '{file} is not an ordinary file (a device or a pipe). Give a new file name such as retained.json with --retained-file.',
    description: 'Server start-up error: the --retained-file is a device or pipe.',
  },
  retainedNewer: {
    id: 'mqtt.server.retained.newer',
    default: '{file} was written by a newer mqtt-blocks (format {version}). Update mqtt-blocks, or choose another file with --retained-file.',
    description: 'Server start-up error: the --retained-file comes from a newer version. {version} is its format number.',
  },
  retainedFolder: {
    id: 'mqtt.server.retained.folder',
    default: '{file} is a folder. --retained-file needs a file name inside it, for example {example}.',
    description: 'Server start-up error: --retained-file names a folder. {example} is a file path to use instead.',
  },
  retainedNotOurs: {
    id: 'mqtt.server.retained.notOurs',
    default: '{file} is not a retained-messages file made by mqtt-blocks, so it was left untouched. Choose a new file name with --retained-file (for example retained.json).',
    description: 'Server start-up error: --retained-file names a file of something else.',
  },
  retainedReplaced: {
    id: 'mqtt.server.retained.replaced',
    default: 'Not saving retained messages: {file} was replaced by something that is not ours; it was left untouched.',
    description: 'Server log: the retained-messages file was replaced while running, so it is not overwritten.',
  },
  retainedSaveFailed: {
    id: 'mqtt.server.retained.saveFailed',
    default: 'Could not save retained messages to {file}: {detail}',
    description: 'Server log: saving the retained messages failed (tried again later). {detail} is the system\'s reason in English.',
  },
  onlyGet: {
    id: 'mqtt.server.http.onlyGet',
    default: 'Only GET is supported.',
    description: 'Web server answer (plain text) to a request that is not GET.',
  },
  badRequest: {
    id: 'mqtt.server.http.badRequest',
    default: 'Bad request.',
    description: 'Web server answer (plain text) to a malformed request.',
  },
  notBuilt: {
    id: 'mqtt.server.http.notBuilt',
    default: '{path} has not been built yet. Run "npm run build" in the mqtt-blocks folder, then reload.',
    description: 'Web server answer: a page bundle is missing. {path} is the address asked for. Keep the command.',
  },
  websocketOnly: {
    id: 'mqtt.server.http.websocketOnly',
    default: 'This address is for MQTT over WebSocket: put it in the connect block, not in the browser address bar.',
    description: 'Web server answer when someone opens the broker\'s WebSocket address in a browser tab. "connect" is the block\'s name.',
  },
  scratchNotSetUp: {
    id: 'mqtt.server.http.scratchNotSetUp',
    default: 'The Scratch editor is not set up. Run "npm run setup:scratch-editor" in the mqtt-blocks folder.',
    description: 'Web server answer: the Scratch editor files are missing. Keep the command.',
  },
  internalError: {
    id: 'mqtt.server.http.internalError',
    default: 'Internal error: {detail}',
    description: 'Web server answer when a request failed unexpectedly. {detail} is the technical reason in English.',
  },
  badPath: {
    id: 'mqtt.server.http.badPath',
    default: 'Bad path.',
    description: 'Web server answer to an address that tries to leave the site\'s folder.',
  },
  notFound: {
    id: 'mqtt.server.http.notFound',
    default: 'Not found.',
    description: 'Web server answer: no such page.',
  },
  foreignHostAnswer: {
    id: 'mqtt.server.http.foreignHost',
    default: 'This server does not answer to the name {host}. Use the address the server printed when it started; or, if {host} is how your school reaches this server (a school name or a proxy), start it with --allow-host {host}.',
    description: 'Web server answer when the browser used a host name that is not this server\'s. {host} is the name (and port) the browser used. Keep --allow-host as it is.',
  },
  loginNeeded: {
    id: 'mqtt.server.http.loginNeeded',
    default: 'This page shows the class\'s messages, so it needs a login: the teacher\'s username and password, or username "{viewer}" with the viewer code shown when the server started. Reload to try again.',
    description: 'Web server answer when a teacher page is opened without a login. {viewer} is the read-only username.',
  },
  tooManyMonitors: {
    id: 'mqtt.server.http.tooManyMonitors',
    default: 'Too many monitor pages are open. Close some monitor tabs, then reload this one.',
    description: 'Web server answer when too many message monitor pages are open.',
  },
  storedLimit: {
    id: 'mqtt.server.log.storedLimit',
    default: 'Stored messages for {client} (away, or not acknowledging) reached the limit of {limit}; {total} dropped so far.',
    description: 'Server log: messages kept for an absent client hit their bound. {client} is its client id.',
  },
  badHost: {
    id: 'mqtt.server.badHost',
    default: '"{value}" is not a host name for --allow-host. Write a name, optionally with its port, like classroom.school.lan or classroom.school.lan:443 (no http:// and no path).',
    description: 'Server start-up error for --allow-host: not a host name. {value} is what was given. Keep the examples.',
  },
  badOrigin: {
    id: 'mqtt.server.badOrigin',
    default: '"{value}" is not a web page origin. Write it like https://example.org or http://192.168.1.20:8080 (no path).',
    description: 'Server start-up error for --allow-origin: not an origin. {value} is what was given.',
  },
  wrongLogins: {
    id: 'mqtt.server.log.wrongLogins',
    default: '{count, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} wrong login in a row',
    description: 'Server log detail: how many wrong logins in a row came from one address.',
  },
  answerDelay: {
    id: 'mqtt.server.log.answerDelay',
    default: 'answers to this address now wait {seconds} s',
    description: 'Server log detail: after wrong logins, answers to that address are delayed.',
  },
  pageLoginWrong: {
    id: 'mqtt.server.log.pageLoginWrong',
    default: 'page login, {count} wrong in a row',
    description: 'Server log detail: wrong logins on a teacher page.',
  },
  tooManyDashboards: {
    id: 'mqtt.server.http.tooManyDashboards',
    default: 'Too many dashboard pages are open. Close some dashboard tabs, then reload this one.',
    description: 'Web server answer when too many dashboard pages are open.',
  },
  eventConnected: {
    id: 'mqtt.server.event.connected',
    default: 'connected',
    description: 'Server log line label: a device connected to the broker.',
  },
  eventDisconnected: {
    id: 'mqtt.server.event.disconnected',
    default: 'disconnected',
    description: 'Server log line label: a device disconnected.',
  },
  eventRefused: {
    id: 'mqtt.server.event.refused',
    default: 'refused',
    description: 'Server log line label: a connection was refused.',
  },
  eventDropping: {
    id: 'mqtt.server.event.dropping',
    default: 'dropping messages',
    description: 'Server log line label: the server drops messages for a client that reads too slowly.',
  },
  eventViewer: {
    id: 'mqtt.server.event.viewer',
    default: 'viewer, read-only',
    description: 'Server log line: the connection used the read-only viewer login.',
  },
  eventDroppedSoFar: {
    id: 'mqtt.server.event.droppedSoFar',
    default: '{total} dropped so far',
    description: 'Server log line: how many messages were dropped for a slow client.',
  },
  eventUser: {
    id: 'mqtt.server.event.user',
    default: 'user',
    description: 'Server log line: the word before the username a client connected with, e.g. "client1 user class42".',
  },
  eventFrom: {
    id: 'mqtt.server.event.from',
    default: 'from',
    description: 'Server log line: the word before the computer\'s address a client connects from.',
  },
  eventClosedByServer: {
    id: 'mqtt.server.event.closedByServer',
    default: 'closed by the server',
    description: 'Server log line: the server closed this connection; the reason follows after a colon.',
  },
  eventNotReading: {
    id: 'mqtt.server.event.notReading',
    default: 'is not reading fast enough',
    description: 'Server log line: a client does not take its messages fast enough, so some are dropped.',
  },
} as const satisfies Record<string, Message>;
