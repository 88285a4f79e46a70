import type { IncomingMessage, ServerResponse } from 'node:http';

/** One request as the sandbox saw it: what tests assert on. */
export interface LoggedRequest {
	provider: Provider;
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
	/** Raw body text, for asserting exactly what went over the wire. */
	rawBody: string;
	status?: number;
	/** When the request arrived, and when its answer was sent (ms since the epoch). */
	at: number;
	doneAt?: number;
	/** A request never answered (`hang`): when the client ended its connection. */
	abandonedAt?: number;
}

/** A provider's name as its sandbox folder registers it (`sandbox/<name>/provider.tsx`); `elsewhere` and `unknown` in the log. */
export type Provider = string;

export interface Reply {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Sent as is instead of JSON (for malformed answers). */
	raw?: string;
}

/** A request as a provider's routes see it. */
export interface Ctx extends Pick<LoggedRequest, 'method' | 'path' | 'query' | 'headers' | 'body' | 'rawBody'> {
	req: IncomingMessage;
	/** Origin the client used (for absolute links). */
	origin: string;
}

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
	return { status, body, headers };
}

export async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

export function send(res: ServerResponse, reply: Reply): void {
	const headers: Record<string, string> = { ...(reply.headers ?? {}) };
	let payload = '';
	if (reply.raw !== undefined) {
		payload = reply.raw;
		headers['content-type'] ??= 'application/json';
	} else if (reply.body !== undefined) {
		payload = JSON.stringify(reply.body);
		headers['content-type'] = 'application/json';
	}
	headers['content-length'] = String(Buffer.byteLength(payload));
	res.writeHead(reply.status, headers);
	res.end(payload);
}

/** Basic credentials out of an Authorization header. */
export function basicAuth(headers: Record<string, string>): { user: string; password: string } | undefined {
	const match = /^Basic\s+(.+)$/i.exec(headers.authorization ?? '');
	if (!match) return undefined;
	const decoded = Buffer.from(match[1], 'base64').toString('utf8');
	const colon = decoded.indexOf(':');
	if (colon < 0) return undefined;
	return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export function bearer(headers: Record<string, string>): string | undefined {
	return /^Bearer\s+(.+)$/i.exec(headers.authorization ?? '')?.[1];
}

/** A small deterministic PRNG so the seeded data is the same on every start. */
export function prng(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function pick<T>(random: () => number, list: readonly T[]): T {
	return list[Math.floor(random() * list.length)];
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
export function randomId(random: () => number, length = 22): string {
	let id = '';
	for (let i = 0; i < length; i++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
	return id;
}

export function uuid(random: () => number): string {
	const hex = () => Math.floor(random() * 16).toString(16);
	const part = (n: number) => Array.from({ length: n }, hex).join('');
	return `${part(8)}-${part(4)}-4${part(3)}-${'89ab'[Math.floor(random() * 4)]}${part(3)}-${part(12)}`;
}

export const FIRST_NAMES = ['Ava', 'Ben', 'Chloe', 'Diego', 'Emma', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Liam', 'Maya', 'Noah', 'Olga', 'Pablo', 'Quinn', 'Rosa', 'Sami', 'Tara', 'Umar', 'Vera', 'Wes', 'Yara', 'Zoe'];
export const LAST_NAMES = ['Adams', 'Berg', 'Costa', 'Dubois', 'Evans', 'Fischer', 'Garcia', 'Hansen', 'Ito', 'Jensen', 'Kowalski', 'Lopez', 'Moreau', 'Novak', 'Olsen', 'Petrov', 'Rossi', 'Schmidt', 'Tanaka', 'Weber'];

export function isE164(value: unknown): boolean {
	return typeof value === 'string' && /^\+[1-9]\d{6,14}$/.test(value);
}

/** "+1 650-555-0134" for NANP numbers, "+44 20 7946 0958"-ish otherwise. */
export function formatNumber(e164: string): string {
	const digits = e164.slice(1);
	if (digits.startsWith('1') && digits.length === 11) {
		return `+1 ${digits.slice(1, 4)}-${digits.slice(4, 7)}-${digits.slice(7)}`;
	}
	return `+${digits.slice(0, 2)} ${digits.slice(2, 5)} ${digits.slice(5, 8)} ${digits.slice(8)}`.trim();
}
