/**
 * What a teacher or pupil reads about putting a program on a board: USB upload (Web Serial),
 * the serial console, over-the-air sending and the classroom loader. Shared by the board page and
 * the CLI. Every failure says whether the old program was kept and what to do next.
 */
import type { Message } from '../../blocks/types';

export const UPLOAD_TEXT = {
  // USB upload: stages
  connecting: { id: 'mqtt.upload.usb.stage.connecting', default: 'Stopping the board\'s program…', description: 'USB upload progress: Ctrl-C and entering the raw REPL.' },
  checking: { id: 'mqtt.upload.usb.stage.checking', default: 'Checking the board…', description: 'USB upload progress: free space and which files the board already has.' },
  writing: { id: 'mqtt.upload.usb.stage.writing', default: 'Writing {file}: {sent} of {total} bytes…', description: 'USB upload progress. {file} e.g. main.py; {sent}/{total} are byte counts.' },
  verifying: { id: 'mqtt.upload.usb.stage.verifying', default: 'Checking the copy on the board…', description: 'USB upload progress: the board reads the new files back (length and checksum).' },
  starting: { id: 'mqtt.upload.usb.stage.starting', default: 'Restarting the board…', description: 'USB upload progress: soft reset so the new main.py runs.' },
  done: { id: 'mqtt.upload.usb.done', default: 'Uploaded. The board restarted and runs the new program (see the console below).', description: 'USB upload finished successfully.' },
  doneSkipped: { id: 'mqtt.upload.usb.doneSkipped', default: 'Uploaded main.py ({file} was already up to date). The board restarted and runs the new program.', description: 'USB upload finished; the library file {file} did not need writing.' },
  // USB upload: failures
  noAnswer: { id: 'mqtt.upload.usb.error.noAnswer', default: 'The board did not answer. Press its reset button (or unplug it and plug it in again), then click Upload again. Its previous program was not changed.', description: 'USB upload: nothing came back from the serial port.' },
  notMicroPython: { id: 'mqtt.upload.usb.error.notMicroPython', default: 'This device does not answer like a MicroPython board. Choose the right port, and check that MicroPython is installed on the board. Nothing was changed.', description: 'USB upload: bytes came back but never a MicroPython prompt.' },
  stoppedAnswering: { id: 'mqtt.upload.usb.error.stoppedAnswering', default: 'The board stopped answering during the upload. Its previous program was kept. Press reset on the board, then try again.', description: 'USB upload: the board went silent halfway.' },
  disconnected: { id: 'mqtt.upload.usb.error.disconnected', default: 'The board was unplugged (or its connection closed) during the upload. Its previous program was kept. Plug it in and click Upload again.', description: 'USB upload: the serial port closed.' },
  protocol: { id: 'mqtt.upload.usb.error.protocol', default: 'The board answered something unexpected, so the upload was stopped. Its previous program was kept. Press reset on the board and try again.', description: 'USB upload: protocol error from the board.' },
  verifyFailed: { id: 'mqtt.upload.usb.error.verifyFailed', default: 'The copy on the board did not match what was sent, so it was thrown away and the previous program kept. Try again; if it happens again, try another USB cable.', description: 'USB upload: length or SHA-256 read back from the board differs.' },
  storageFull: { id: 'mqtt.upload.usb.error.storageFull', default: 'The board\'s storage is full: the program needs {needed} bytes and only {free} are free. The previous program was kept. Delete old files on the board (for example with Thonny), then try again.', description: 'USB upload: not enough flash. {needed} and {free} are byte counts.' },
  boardError: { id: 'mqtt.upload.usb.error.board', default: 'The board reported an error while saving ({detail}). The previous program was kept.', description: 'USB upload: a Python error on the board; {detail} is its last line.' },
  notText: { id: 'mqtt.upload.usb.error.notText', default: 'The program is not text, so it was not uploaded.', description: 'USB upload: the file is not UTF-8.' },
  busy: { id: 'mqtt.upload.usb.error.busy', default: 'The board port is already in use (another tab or a program such as Thonny). Close it there, then try again.', description: 'Web Serial: the port could not be opened.' },
  noPortChosen: { id: 'mqtt.upload.usb.noPortChosen', default: 'No board was chosen. Plug in the board with a USB cable, click Upload and pick it in the list.', description: 'Web Serial: the pupil closed the port chooser.' },
  // Where Web Serial is missing
  noSerialInsecure: { id: 'mqtt.upload.usb.unavailable.insecure', default: 'USB upload only works when this page is opened as http://localhost:8000/board/ on the computer the board is plugged into. Here, use "Send to board over Wi-Fi", or download main.py.', description: 'Board page opened over http from another computer (a LAN address): browsers allow Web Serial only on https or localhost.' },
  noSerialBrowser: { id: 'mqtt.upload.usb.unavailable.browser', default: 'This browser cannot talk to USB boards. Open this page in Chrome or Edge, or use "Send to board over Wi-Fi", or download main.py.', description: 'Board page in Firefox or Safari: no Web Serial.' },
  noProgram: { id: 'mqtt.upload.noProgram', default: 'There is no MicroPython program to upload yet: fix the blocks marked with a warning first.', description: 'Upload clicked while the generator reports an error.' },
  // Console
  consoleStopped: { id: 'mqtt.upload.console.stopped', default: 'Program stopped (Ctrl-C).', description: 'Serial console: after the Stop button.' },
  consoleRestarted: { id: 'mqtt.upload.console.restarted', default: 'Board restarted (soft reset).', description: 'Serial console: after the Run button.' },
  consoleClosed: { id: 'mqtt.upload.console.closed', default: 'The board was disconnected. Plug it in and click Connect again.', description: 'Serial console: the port went away.' },

  // Over the air: stages
  otaChecking: { id: 'mqtt.upload.ota.stage.checking', default: 'Looking for board {board}…', description: 'Over-the-air send progress.' },
  otaSending: { id: 'mqtt.upload.ota.stage.sending', default: 'Sending to {board}: {sent} of {total} bytes…', description: 'Over-the-air send progress; byte counts.' },
  otaVerifying: { id: 'mqtt.upload.ota.stage.verifying', default: '{board} is checking the program…', description: 'Over-the-air: the board checks length and SHA-256.' },
  otaRestarting: { id: 'mqtt.upload.ota.stage.restarting', default: '{board} saved the program and is restarting…', description: 'Over-the-air: the board swapped main.py and restarts.' },
  otaStarted: { id: 'mqtt.upload.ota.done', default: '{board} runs the new program.', description: 'Over-the-air send finished: the new program ran past its trial time.' },
  // Over the air: failures
  otaBadBoardName: { id: 'mqtt.upload.ota.error.badBoardName', default: '"{board}" is not a board name. Use letters, digits, - and _ only (at most 32), for example desk7.', description: 'Over the air: invalid board name.' },
  otaTooBig: { id: 'mqtt.upload.ota.error.tooBig', default: 'The program is {bytes} bytes; a board takes at most {max} bytes over Wi-Fi. Make it smaller or upload it by USB.', description: 'Over the air: program too large.' },
  otaEmpty: { id: 'mqtt.upload.ota.error.empty', default: 'The program is empty: add some blocks first.', description: 'Over the air: nothing to send.' },
  otaOffline: { id: 'mqtt.upload.ota.error.offline', default: 'Board {board} is not online. Check that it is switched on, that its classroom loader is installed, and that it reaches the Wi-Fi and the classroom server.', description: 'Over the air: no online status from the board.' },
  otaNoAnswer: { id: 'mqtt.upload.ota.error.noAnswer', default: 'Board {board} stopped answering. Its previous program is kept unless it said otherwise. Check its Wi-Fi, then send again.', description: 'Over the air: a wait for the board timed out.' },
  otaUnreachable: { id: 'mqtt.upload.ota.error.unreachable', default: 'Cannot reach the classroom broker at {broker} ({detail}). Check the address and that the classroom server is running.', description: 'Over the air (CLI): the broker did not accept a connection.' },
  otaNotAllowed: { id: 'mqtt.upload.ota.error.notAllowed', default: 'The classroom server did not allow sending programs from here ({detail}). Log in with the class username and password.', description: 'Over the air: the broker refused a subscribe or publish.' },
  otaRefusedHash: { id: 'mqtt.upload.ota.error.hash', default: 'The program arrived damaged on {board}, so the board kept its previous program. Send it again.', description: 'Over the air: checksum mismatch on the board.' },
  otaRefusedFull: { id: 'mqtt.upload.ota.error.full', default: 'Board {board} has no room for this program; it kept its previous program. Delete old files on it by USB (for example with Thonny).', description: 'Over the air: flash full.' },
  otaRefusedBusy: { id: 'mqtt.upload.ota.error.busy', default: 'Someone else sent a program to {board} at the same time. Wait a moment, then send again.', description: 'Over the air: another transfer started.' },
  otaRefusedOther: { id: 'mqtt.upload.ota.error.other', default: 'Board {board} refused the program ({reason}) and kept its previous program. Send it again.', description: 'Over the air: another refusal; {reason} is the loader\'s code such as timeout or order.' },
  otaRestored: { id: 'mqtt.upload.ota.error.restored', default: 'The new program stopped with an error as it started ({detail}), so {board} went back to its previous program. Fix the program and send it again.', description: 'Over the air: crash at start, rolled back.' },

  // Loader settings (CLI and page)
  loaderBadBroker: { id: 'mqtt.upload.loader.error.badBroker', default: '"{broker}" is not a broker address for boards. Write it as mqtt://HOST:PORT, for example mqtt://192.168.1.20:1883.', description: 'Classroom loader settings: bad --broker.' },
  loaderNoWifi: { id: 'mqtt.upload.loader.error.noWifi', default: 'Give the classroom Wi-Fi name (--wifi) so the board can join it.', description: 'Classroom loader settings: missing Wi-Fi name.' },
  loaderInstalled: { id: 'mqtt.upload.loader.installed', default: 'The Wi-Fi loader is installed. The board restarts, joins {wifi} and appears as {board} under "Boards on Wi-Fi".', description: 'Board page: the classroom loader was written by USB.' },
  loaderWritten: { id: 'mqtt.upload.loader.written', default: 'Copy these files onto the board (for example with Thonny or the board page\'s USB upload): {files}. After a restart the board appears as {board}.', description: 'CLI: loader files written. {files} is a list of paths.' },
} as const satisfies Record<string, Message>;
