import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { AedesOptions, AuthenticateError } from './aedes-loader';

export interface Credentials {
  username: string;
  password: string;
}

/**
 * Short, common words a pupil can read aloud and type without mistakes (no look-alike
 * letters, no words that differ only by one letter). Entropy comes from two words plus
 * four digits: about 100 * 100 * 10 000 possibilities, enough for one lesson on a LAN.
 */
const WORDS = [
  'apple', 'bear', 'bird', 'boat', 'bread', 'brick', 'cake', 'camel', 'candy', 'cloud',
  'coral', 'corn', 'crab', 'crown', 'daisy', 'desk', 'dog', 'dragon', 'drum', 'duck',
  'eagle', 'earth', 'fish', 'flag', 'flute', 'fox', 'frog', 'garden', 'ghost', 'giant',
  'grape', 'green', 'hill', 'honey', 'horse', 'house', 'jelly', 'jungle', 'kite', 'koala',
  'lake', 'lemon', 'lion', 'lizard', 'magic', 'mango', 'maple', 'melon', 'moon', 'mouse',
  'music', 'nest', 'ocean', 'orange', 'otter', 'owl', 'panda', 'paper', 'peach', 'pencil',
  'piano', 'pizza', 'planet', 'plum', 'pony', 'puzzle', 'rabbit', 'rain', 'river', 'robot',
  'rocket', 'rose', 'salad', 'sand', 'shark', 'sheep', 'snow', 'sock', 'spoon', 'star',
  'storm', 'sugar', 'sun', 'swan', 'table', 'tiger', 'tomato', 'train', 'tree', 'tulip',
  'turtle', 'violin', 'wagon', 'water', 'whale', 'window', 'winter', 'wolf', 'yogurt', 'zebra',
];

function pickWord(): string {
  return WORDS[randomInt(WORDS.length)] as string;
}

/** A readable password such as `tiger-maple-4821`. */
export function generatePassword(): string {
  const digits = String(randomInt(10000)).padStart(4, '0');
  return `${pickWord()}-${pickWord()}-${digits}`;
}

/** A readable user name such as `class42`; not secret, just something to type. */
export function generateUsername(): string {
  return `class${String(randomInt(100)).padStart(2, '0')}`;
}

/**
 * Hashing both sides first gives equal-length buffers, so timingSafeEqual can compare
 * them without leaking the length or the position of the first wrong character.
 */
function sameSecret(given: Buffer, expected: Buffer): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

/** CONNACK return code 4 in MQTT 3.1.1: "bad user name or password". */
const BAD_USERNAME_OR_PASSWORD = 4;

/**
 * aedes `authenticate` hook that accepts exactly one username/password pair. Anonymous
 * clients and wrong guesses are refused with CONNACK 4, which mqtt.js and umqtt report as
 * "bad username or password", so the pupil knows what to fix.
 */
export function singleUserAuthenticator(credentials: Credentials): NonNullable<AedesOptions['authenticate']> {
  const expectedUser = Buffer.from(credentials.username, 'utf8');
  const expectedPassword = Buffer.from(credentials.password, 'utf8');
  return (_client, username, password, done) => {
    const userOk = sameSecret(Buffer.from(username ?? '', 'utf8'), expectedUser);
    const passwordOk = sameSecret(password ?? Buffer.alloc(0), expectedPassword);
    // Both comparisons always run, so timing does not reveal which part was wrong.
    if (username !== undefined && password !== undefined && userOk && passwordOk) {
      done(null, true);
      return;
    }
    const error = new Error('Bad username or password') as AuthenticateError;
    error.returnCode = BAD_USERNAME_OR_PASSWORD;
    done(error, null);
  };
}
