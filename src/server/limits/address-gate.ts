/**
 * Counts open connections per network address and refuses one beyond the bound, so one computer
 * (a runaway script, a hostile pupil) cannot take every socket the server has.
 */
export class AddressGate {
  private readonly open = new Map<string, number>();

  constructor(private readonly maxPerAddress: number) {}

  /** Takes a slot for `address`; false when it already has the maximum. Call release() once per true. */
  tryEnter(address: string): boolean {
    const count = this.open.get(address) ?? 0;
    if (count >= this.maxPerAddress) return false;
    this.open.set(address, count + 1);
    return true;
  }

  release(address: string): void {
    const count = this.open.get(address) ?? 0;
    if (count <= 1) this.open.delete(address);
    else this.open.set(address, count - 1);
  }

  /** Open connections from `address`. */
  count(address: string): number {
    return this.open.get(address) ?? 0;
  }
}
