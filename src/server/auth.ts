import { createHash, randomInt, timingSafeEqual } from 'node:crypto';

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
  'grape', 'green', 'hill', 'honey', 'hippo', 'house', 'jelly', 'jungle', 'kite', 'koala',
  'lamp', 'lemon', 'lion', 'lizard', 'magic', 'mango', 'maple', 'melon', 'moon', 'muffin',
  'music', 'nest', 'ocean', 'orange', 'otter', 'owl', 'panda', 'paper', 'peach', 'pencil',
  'piano', 'pizza', 'planet', 'plum', 'pony', 'puzzle', 'rabbit', 'radio', 'river', 'robot',
  'rocket', 'rose', 'salad', 'sand', 'shark', 'sheep', 'snow', 'sock', 'spoon', 'star',
  'storm', 'sugar', 'sun', 'swan', 'table', 'tiger', 'tomato', 'train', 'tree', 'tulip',
  'turtle', 'violin', 'wagon', 'water', 'whale', 'window', 'winter', 'wolf', 'yogurt', 'zebra',
];

function pickWord(): string {
  return WORDS[randomInt(WORDS.length)];
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

/**
 * Whether a login matches the expected username and password. Both comparisons always run, so
 * timing does not reveal which part was wrong.
 */
export function credentialsMatch(username: string | undefined, password: Buffer | undefined, expected: Credentials): boolean {
  const userOk = sameSecret(Buffer.from(username ?? '', 'utf8'), Buffer.from(expected.username, 'utf8'));
  const passwordOk = sameSecret(password ?? Buffer.alloc(0), Buffer.from(expected.password, 'utf8'));
  return username !== undefined && password !== undefined && userOk && passwordOk;
}

/** A read-only viewer code such as `owl-4821`, for the monitor and dashboard in LAN mode. */
export function generateViewerCode(): string {
  return `${pickWord()}-${String(randomInt(10000)).padStart(4, '0')}`;
}

/** The username that goes with the viewer code. */
export const VIEWER_USERNAME = 'viewer';
