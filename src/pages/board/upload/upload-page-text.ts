/** Labels of the board page's "put it on the board" panel (USB upload, console, Wi-Fi send). */
import type { Message } from '../../../../blocks/types';

export const UPLOAD_PAGE_TEXT = {
  heading: { id: 'mqtt.page.board.upload.heading', default: 'Put it on the board', description: 'Board page: title of the panel with USB upload, the board console and Wi-Fi sending.' },
  usbUpload: { id: 'mqtt.page.board.upload.usb', default: 'Upload to board (USB)', description: 'Board page button: write main.py to a board plugged in by USB (Web Serial).' },
  stop: { id: 'mqtt.page.board.upload.stop', default: 'Stop board', description: 'Board page console button: stop the program on the board plugged in by USB (Ctrl-C). Not the simulator\'s Stop.' },
  run: { id: 'mqtt.page.board.upload.run', default: 'Restart board', description: 'Board page console button: restart the board plugged in by USB so its main.py runs (soft reset).' },
  disconnect: { id: 'mqtt.page.board.upload.disconnect', default: 'Disconnect', description: 'Board page console button: let go of the USB port (so Thonny can use it).' },
  consoleLabel: { id: 'mqtt.page.board.upload.console', default: 'Board console', description: 'Accessible name of the live serial output of the board (role log).' },
  consoleEmpty: { id: 'mqtt.page.board.upload.consoleEmpty', default: 'The board\'s output appears here after you upload, or press Stop board or Restart board.', description: 'Board page console: placeholder while nothing has been received.' },
  wifiHeading: { id: 'mqtt.page.board.upload.wifiHeading', default: 'Boards on Wi-Fi', description: 'Board page: the list of boards whose classroom loader is online.' },
  wifiSend: { id: 'mqtt.page.board.upload.wifiSend', default: 'Send to board over Wi-Fi', description: 'Board page button: send main.py to the chosen board through the classroom broker.' },
  wifiNone: { id: 'mqtt.page.board.upload.wifiNone', default: 'No board is online. Boards appear here once their classroom loader is installed (see the README) and they are switched on.', description: 'Board page: no classroom loader announced itself.' },
  wifiChoose: { id: 'mqtt.page.board.upload.wifiChoose', default: 'Board', description: 'Board page: label of the list of online boards.' },
  wifiLogin: { id: 'mqtt.page.board.upload.wifiLogin', default: 'The classroom server needs the class username and password to send programs:', description: 'Board page, --lan classroom: the Wi-Fi sending needs the class login.' },
  username: { id: 'mqtt.page.board.upload.username', default: 'Username', description: 'Board page: class username field.' },
  password: { id: 'mqtt.page.board.upload.password', default: 'Password', description: 'Board page: class password field.' },
  logIn: { id: 'mqtt.page.board.upload.logIn', default: 'Log in', description: 'Board page: button that connects to the classroom broker with the class login.' },
  wifiUnavailable: { id: 'mqtt.page.board.upload.wifiUnavailable', default: 'Sending over Wi-Fi needs the classroom server (open this page from it, for example http://localhost:8000/board/).', description: 'Board page opened without the classroom server behind it.' },
  wifiRefused: { id: 'mqtt.page.board.upload.wifiRefused', default: 'The classroom server refused this login. Check the class username and password, then log in again.', description: 'Board page: the broker refused the class login.' },
  boardEntry: { id: 'mqtt.page.board.upload.boardEntry', default: '{board} ({bytes} bytes program, {memory} KB free memory)', description: 'Board page: one online board in the list.' },
  installHeading: { id: 'mqtt.page.board.upload.install.heading', default: 'Install the Wi-Fi loader on this board (once)', description: 'Board page: a folding section to install the classroom loader on a board plugged in by USB.' },
  installBoard: { id: 'mqtt.page.board.upload.install.board', default: 'Board name (for example desk7)', description: 'Board page loader install: the name the board will be listed under.' },
  installWifi: { id: 'mqtt.page.board.upload.install.wifi', default: 'Classroom Wi-Fi name', description: 'Board page loader install: Wi-Fi network name (SSID).' },
  installWifiPassword: { id: 'mqtt.page.board.upload.install.wifiPassword', default: 'Wi-Fi password', description: 'Board page loader install: Wi-Fi password.' },
  installButton: { id: 'mqtt.page.board.upload.install.button', default: 'Install by USB', description: 'Board page: button writing the classroom loader to the board over USB.' },
  installNeedsLan: { id: 'mqtt.page.board.upload.install.needsLan', default: 'Boards can reach the classroom server only when it runs for the classroom network: restart it with "npm start -- --lan", then reload this page.', description: 'Board page loader install: the server listens on this computer only.' },
} as const satisfies Record<string, Message>;
