import { networkInterfaces } from 'node:os';

/** Private ranges first: those are the addresses a board on the classroom Wi-Fi can reach. */
function rank(address: string): number {
  if (address.startsWith('192.168.') || address.startsWith('10.')) return 0;
  if (/^172\.(1[6-9]|2\d|3[01])\./.test(address)) return 0;
  if (address.startsWith('169.254.')) return 2; // link-local: only when nothing better exists
  return 1;
}

/** IPv4 addresses of this machine that other machines on the network could use. */
export function lanIPv4Addresses(): string[] {
  const found: string[] = [];
  for (const entries of Object.values(networkInterfaces())) {
    for (const entry of entries ?? []) {
      if (entry.family === 'IPv4' && !entry.internal && !found.includes(entry.address)) found.push(entry.address);
    }
  }
  return found.sort((a, b) => rank(a) - rank(b));
}
