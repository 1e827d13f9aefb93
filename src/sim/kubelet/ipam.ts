// Mirrors the host-local IPAM plugin of containernetworking/plugins (allocator.go) that kind and most
// CNI setups use behind the node's spec.podCIDR.
// Simplified: IPv4 only, one range per node; state lives in memory instead of /var/lib/cni/networks.

function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

function intToIp(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/**
 * Hands out pod IPs from a node's pod CIDR: the first is `.2` (`.1` is the gateway), then sequentially after the
 * last one handed out, wrapping around, so a released IP is not reused until the range comes round again.
 */
export class HostLocalIpam {
  private readonly first: number;
  private readonly last: number;
  private lastReserved: number;
  private readonly inUse = new Map<number, string>();

  constructor(readonly cidr: string) {
    const [base = '10.244.0.0', bitsText = '24'] = cidr.split('/');
    const bits = Number(bitsText);
    const size = 2 ** (32 - bits);
    const network = Math.floor(ipToInt(base) / size) * size;
    this.first = network + 2;
    this.last = network + size - 2;
    this.lastReserved = this.first - 1;
  }

  /** Reserves the next free IP for `owner` (the pod uid); the same owner gets its IP back. */
  allocate(owner: string): string | undefined {
    for (const [ip, who] of this.inUse) if (who === owner) return intToIp(ip);
    const span = this.last - this.first + 1;
    for (let i = 1; i <= span; i++) {
      const candidate = this.first + ((this.lastReserved - this.first + i) % span);
      if (!this.inUse.has(candidate)) {
        this.inUse.set(candidate, owner);
        this.lastReserved = candidate;
        return intToIp(candidate);
      }
    }
    return undefined;
  }

  /** Releases every IP held by `owner`. */
  release(owner: string): void {
    for (const [ip, who] of [...this.inUse]) if (who === owner) this.inUse.delete(ip);
  }

  /** IPs in use, sorted (for tests and snapshots). */
  allocated(): string[] {
    return [...this.inUse.keys()].sort((a, b) => a - b).map(intToIp);
  }
}
