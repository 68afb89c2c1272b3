/**
 * Who the server trusts on the network: the reverse proxies whose `X-Forwarded-*` headers it
 * believes (`TRUST_PROXY`), and the host names it answers for (DNS rebinding).
 *
 * - A proxy is trusted by its address or CIDR range only. Trusting every hop (`true`, a hop count)
 *   would make the client-written left-most `X-Forwarded-For` the client's address, and rotating
 *   it would escape every per-IP limit.
 * - In development the server answers only requests whose `Host` is a loopback name with its
 *   port: a website whose name an attacker re-points at 127.0.0.1 (DNS rebinding) sends its own
 *   name, and its requests pass no Origin check but this one. In production it answers only the
 *   `PUBLIC_URL` host and the configured ones.
 */
import { isIP } from 'node:net';

/** `proxy-addr`'s names for common ranges, accepted as they are. */
const NAMED_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

const TRUST_PROXY_HELP =
  "TRUST_PROXY takes your reverse proxy's addresses or CIDR ranges, comma-separated (for example TRUST_PROXY=10.0.0.5 or " +
  'TRUST_PROXY=10.0.0.0/8,loopback). ';

/**
 * The proxies to trust, from `TRUST_PROXY` or `createServer({ trustProxy })`: addresses, CIDR
 * ranges, or `loopback`, `linklocal`, `uniquelocal`. Empty: none (`X-Forwarded-*` ignored).
 * @throws Error for `1`, `true`, a hop count, a range of every address, or anything that is not an address or range.
 */
export function trustedProxies(value: string | readonly string[] | boolean | number | undefined | null): string[] {
  if (value === undefined || value === null || value === false || value === '') return [];
  if (value === true || typeof value === 'number') {
    throw new Error(
      `${TRUST_PROXY_HELP}${String(value)} would trust every X-Forwarded-For hop: any client could write its own address there and escape every per-IP limit.`,
    );
  }
  const entries = (typeof value === 'string' ? value.split(',') : [...value]).map((s) => String(s).trim()).filter(Boolean);
  for (const e of entries) {
    if (/^(1|true|yes|on|\*|\d+)$/i.test(e)) {
      throw new Error(
        `${TRUST_PROXY_HELP}'${e}' would trust every X-Forwarded-For hop: any client could write its own address there and escape every per-IP limit.`,
      );
    }
    if (NAMED_RANGES.has(e.toLowerCase())) continue;
    const [address, prefix, ...rest] = e.split('/');
    const family = isIP(address);
    const max = family === 4 ? 32 : 128;
    const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : NaN;
    if (!family || rest.length || !(bits >= 0 && bits <= max)) throw new Error(`${TRUST_PROXY_HELP}'${e}' is not an address or a CIDR range.`);
    if (bits === 0) throw new Error(`${TRUST_PROXY_HELP}'${e}' is every address: it would trust every X-Forwarded-For hop.`);
  }
  return entries;
}

/** Whether a listening address (`HOST`) is a loopback one. */
export function isLoopbackAddress(host: string): boolean {
  const h = host.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}

/** The loopback names a development server answers for (`Host`, with the port). */
const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** `Host` header values, lowercased, without a trailing dot. */
function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.(?=:\d+$|$)/, '');
}

/** The host (`name:port`, the port only when not the scheme's default) of a URL or a bare host. */
export function hostOf(value: string): string {
  const v = value.trim();
  try {
    return normaliseHost(new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(v) ? v : `http://${v}`).host);
  } catch {
    throw new Error(`Not a host name: ${v}`);
  }
}

/** Options of `HostCheck`. */
export interface HostCheckOptions {
  mode: 'development' | 'production';
  /** `PUBLIC_URL`: its host is always answered. */
  publicUrl?: string;
  /** More hosts (`name` or `name:port`), e.g. `ALLOWED_HOSTS`. */
  allowedHosts?: readonly string[];
}

/** Which `Host` headers the server answers (see the module doc). */
export class HostCheck {
  private readonly fixed = new Set<string>();
  private port: number | undefined;

  constructor(private readonly o: HostCheckOptions) {
    if (o.publicUrl) this.fixed.add(hostOf(o.publicUrl));
    for (const h of o.allowedHosts ?? []) this.fixed.add(hostOf(h));
  }

  /** The port the server listens on (development: the loopback names with it). */
  listening(port: number): void {
    this.port = port;
  }

  /** Whether a request with this `Host` (as the server reads it, a trusted proxy's `X-Forwarded-Host` included) is answered. */
  allows(host: string | undefined): boolean {
    if (!host) return false;
    const h = normaliseHost(host);
    if (this.fixed.has(h)) return true;
    if (this.o.mode !== 'development') return false;
    const m = /^(.*?)(?::(\d{1,5}))?$/.exec(h)!;
    if (!LOOPBACK_NAMES.includes(m[1])) return false;
    // Before listening (app.inject in tests) any port; then exactly ours (80 may be left out).
    if (this.port === undefined) return true;
    return m[2] === undefined ? this.port === 80 : Number(m[2]) === this.port;
  }
}
