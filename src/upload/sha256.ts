/**
 * SHA-256 in hex, synchronous and available everywhere the uploader runs: Node, secure pages and
 * plain-http LAN pages (where WebCrypto's subtle API is missing). The board computes the same
 * with hashlib.sha256 to verify what it received.
 */
import { sha256 } from '@noble/hashes/sha256';
import { bytesToHex } from '@noble/hashes/utils';

export function sha256Hex(bytes: Uint8Array): string {
  return bytesToHex(sha256(bytes));
}
