/**
 * Where what the project starts listens (issue 36): n8n, its task broker and a worker's health
 * server on loopback only, unless a user opts in to the network for `npm start`, and then never
 * with the password the README prints. `listeningAddresses` reads a process tree's listening TCP
 * sockets from /proc, so a test can assert on what really listens rather than on settings.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export const LOOPBACK = '127.0.0.1';

/** The documented login of the sandbox n8n: only ever used while it listens on loopback. */
export const DOCUMENTED_OWNER = { email: 'owner@example.com', firstName: 'Olive', lastName: 'Owner', password: 'Sandbox-pass-1' };

export function isLoopback(address: string): boolean {
	return /^127\./.test(address) || address === '::1' || address === 'localhost' || /^::ffff:127\./i.test(address);
}

export interface ListenSettings {
	/** N8N_LISTEN_ADDRESS for n8n. */
	address: string;
	/** Reachable from other machines. */
	network: boolean;
	owner: typeof DOCUMENTED_OWNER;
	/** N8N_SECURE_COOKIE: on whenever n8n is on the network, unless the user says false. */
	secureCookie: boolean;
}

/**
 * `npm start`'s settings from the user's environment: loopback unless `N8N_LISTEN_ADDRESS` names
 * another address. On the network the owner gets a password generated for this start (the
 * documented one would let anyone who read the README in), and cookies stay secure unless
 * `N8N_SECURE_COOKIE=false` says otherwise.
 */
export function listenSettings(env: NodeJS.ProcessEnv, generate = () => randomBytes(18).toString('base64url')): ListenSettings {
	const address = (env.N8N_LISTEN_ADDRESS ?? '').trim() || LOOPBACK;
	if (isLoopback(address)) return { address, network: false, owner: DOCUMENTED_OWNER, secureCookie: false };
	return {
		address,
		network: true,
		owner: { ...DOCUMENTED_OWNER, password: `Aa1-${generate()}` },
		secureCookie: env.N8N_SECURE_COOKIE !== 'false',
	};
}

/** The process and its descendants (from /proc's parent links). */
function processTree(root: number): number[] {
	const parents = new Map<number, number>();
	for (const entry of readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			// pid (comm) state ppid …: comm may hold spaces and parentheses, so read after the last ')'.
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			parents.set(Number(entry), ppid);
		} catch {
			// the process ended meanwhile
		}
	}
	const tree = [root];
	for (let i = 0; i < tree.length; i++) for (const [pid, ppid] of parents) if (ppid === tree[i]) tree.push(pid);
	return tree;
}

/** An address as /proc/net/tcp{,6} writes it (hex, little-endian words). */
export function hexAddress(hex: string): string {
	if (hex.length === 8) return [3, 2, 1, 0].map((i) => parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join('.');
	// IPv6: four little-endian 32-bit words.
	const words = [0, 1, 2, 3].map((w) => hex.slice(w * 8, w * 8 + 8).match(/../g)!.reverse().join(''));
	const groups = words.join('').match(/.{4}/g)!.map((g) => g.replace(/^0+(?=.)/, ''));
	const text = groups.join(':').toLowerCase();
	if (text === '0:0:0:0:0:0:0:1') return '::1';
	if (text === '0:0:0:0:0:0:0:0') return '::';
	if (text.startsWith('0:0:0:0:0:ffff:')) return `::ffff:${hexAddress(words[3].match(/../g)!.reverse().join(''))}`;
	return text;
}

/** Every `address:port` the process tree of `pid` listens on (TCP, IPv4 and IPv6). */
export function listeningAddresses(pid: number): string[] {
	const inodes = new Set<string>();
	for (const member of processTree(pid)) {
		let fds: string[] = [];
		try {
			fds = readdirSync(`/proc/${member}/fd`);
		} catch {
			continue;
		}
		for (const fd of fds) {
			try {
				const target = readlinkSync(`/proc/${member}/fd/${fd}`);
				const match = /^socket:\[(\d+)\]$/.exec(target);
				if (match) inodes.add(match[1]);
			} catch {
				// closed meanwhile
			}
		}
	}
	const found: string[] = [];
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		let lines: string[] = [];
		try {
			lines = readFileSync(table, 'utf8').trim().split('\n').slice(1);
		} catch {
			continue;
		}
		for (const line of lines) {
			const fields = line.trim().split(/\s+/);
			const [local, , state] = [fields[1], fields[2], fields[3]];
			if (state !== '0A' || !inodes.has(fields[9])) continue; // 0A: LISTEN
			const [hex, port] = local.split(':');
			found.push(`${hexAddress(hex)}:${parseInt(port, 16)}`);
		}
	}
	return found;
}

/** The addresses of `pid`'s tree that are not loopback (empty when all is well). */
export function beyondLoopback(pid: number): string[] {
	return listeningAddresses(pid).filter((entry) => !isLoopback(entry.slice(0, entry.lastIndexOf(':'))));
}
