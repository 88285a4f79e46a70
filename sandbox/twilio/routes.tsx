import { basicAuth, json, type Ctx, type Reply } from '../http';
import type { RateLimiter } from '../rateLimit';
import type { TwilioData, TwilioNumber } from './data';

export interface TwilioState extends TwilioData {
	/** Concurrency-style limit, answered with 429 / error 20429 and no Retry-After. */
	limiter: RateLimiter;
	/** Largest page served, whatever is asked (Twilio's is 1000); tests lower it to get many pages. */
	maxPageSize: number;
}

const SID = (prefix: string) => new RegExp(`^${prefix}[0-9a-fA-F]{32}$`);
const URL_FIELDS = ['VoiceUrl', 'VoiceFallbackUrl', 'SmsUrl', 'SmsFallbackUrl', 'StatusCallback'];
const METHOD_FIELDS = ['VoiceMethod', 'VoiceFallbackMethod', 'SmsMethod', 'SmsFallbackMethod', 'StatusCallbackMethod'];
const SID_FIELDS: Record<string, string> = {
	VoiceApplicationSid: 'AP',
	SmsApplicationSid: 'AP',
	TrunkSid: 'TK',
	AddressSid: 'AD',
	EmergencyAddressSid: 'AD',
	IdentitySid: 'RI',
	BundleSid: 'BU',
};
const UPDATE_FIELDS = new Set([
	'FriendlyName', ...URL_FIELDS, ...METHOD_FIELDS, ...Object.keys(SID_FIELDS),
	'VoiceCallerIdLookup', 'VoiceReceiveMode', 'EmergencyStatus', 'AccountSid',
	// twilio-oai (UpdateIncomingPhoneNumberRequest): the API version of the number's incoming calls.
	'ApiVersion',
]);

/** Twilio's error body: `{code, message, more_info, status}`. */
function error(status: number, code: number, message: string): Reply {
	return json(status, { code, message, more_info: `https://www.twilio.com/docs/errors/${code}`, status });
}

function snake(key: string): string {
	return key.replace(/([a-z])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Twilio's paging: `Page`, `PageSize` (1–1000), `PageToken`; `next_page_uri` relative to the host. */
function page<T>(ctx: Ctx, state: TwilioState, path: string, key: string, all: T[]): Reply {
	const asked = ctx.query.PageSize === undefined ? 50 : Number(ctx.query.PageSize);
	if (!Number.isInteger(asked) || asked < 1 || asked > 1000) return error(400, 20001, 'PageSize must be between 1 and 1000');
	const size = Math.min(asked, state.maxPageSize);
	const number = Number(ctx.query.Page ?? 0) || 0;
	if (number > 0 && ctx.query.PageToken !== `PT${number * size}`) return error(400, 20001, 'Invalid PageToken');
	const items = all.slice(number * size, number * size + size);
	const filters = Object.entries(ctx.query).filter(([k]) => !['Page', 'PageSize', 'PageToken'].includes(k));
	const uri = (n: number) => {
		const q = new URLSearchParams(filters);
		q.set('PageSize', String(size));
		q.set('Page', String(n));
		if (n > 0) q.set('PageToken', `PT${n * size}`);
		return `${path}?${q.toString()}`;
	};
	const more = (number + 1) * size < all.length;
	return json(200, {
		[key]: items,
		page: number,
		page_size: size,
		start: number * size,
		end: number * size + items.length - 1,
		uri: uri(number),
		first_page_uri: uri(0),
		next_page_uri: more ? uri(number + 1) : null,
		previous_page_uri: number > 0 ? uri(number - 1) : null,
	});
}

/** The trunking API's paging: `meta.next_page_url`, absolute. */
function metaPage<T>(ctx: Ctx, state: TwilioState, key: string, all: T[]): Reply {
	const size = Math.min(Math.max(Number(ctx.query.PageSize ?? 50) || 50, 1), 1000, state.maxPageSize);
	const number = Number(ctx.query.Page ?? 0) || 0;
	const items = all.slice(number * size, number * size + size);
	const url = (n: number) => `${ctx.origin}${ctx.path}?PageSize=${size}&Page=${n}${n > 0 ? `&PageToken=PT${n * size}` : ''}`;
	return json(200, {
		[key]: items,
		meta: { page: number, page_size: size, first_page_url: url(0), previous_page_url: number > 0 ? url(number - 1) : null, url: url(number), next_page_url: (number + 1) * size < all.length ? url(number + 1) : null, key },
	});
}

function view(state: TwilioState, number: TwilioNumber): TwilioNumber {
	return { ...number, uri: `/2010-04-01/Accounts/${state.accountSid}/IncomingPhoneNumbers/${number.sid}.json` };
}

/** Twilio's REST API (`/2010-04-01/...`) and the trunking API (`/trunking/v1/...` on the sandbox). */
export function handleTwilio(ctx: Ctx, state: TwilioState): Reply {
	const auth = basicAuth(ctx.headers);
	const byToken = auth?.user === state.accountSid && auth.password === state.authToken;
	const byKey = auth !== undefined && state.apiKeys[auth.user] !== undefined && state.apiKeys[auth.user] === auth.password;
	if (!byToken && !byKey) return error(401, 20003, 'Authenticate');
	if (!state.limiter.take(state.accountSid).allowed) return error(429, 20429, 'Too Many Requests');

	if (ctx.path.startsWith('/trunking/v1/')) {
		if (ctx.path === '/trunking/v1/Trunks' && ctx.method === 'GET') return metaPage(ctx, state, 'trunks', state.trunks);
		return error(404, 20404, 'The requested resource was not found');
	}
	const account = /^\/2010-04-01\/Accounts\/([^/]+?)(\.json|\/.*)$/.exec(ctx.path);
	if (!account) return error(404, 20404, 'The requested resource was not found');
	if (decodeURIComponent(account[1]) !== state.accountSid) return error(404, 20404, `The requested resource ${ctx.path} was not found`);
	const rest = account[2];
	if (rest === '.json') {
		// Standard API keys cannot read the account itself.
		if (!byToken) return error(401, 20003, 'Authenticate');
		return json(200, { sid: state.accountSid, friendly_name: 'Sandbox account', status: 'active' });
	}
	const base = `/2010-04-01/Accounts/${state.accountSid}`;
	if (rest === '/IncomingPhoneNumbers.json' && ctx.method === 'GET') {
		let numbers = state.numbers;
		const { PhoneNumber: phone, FriendlyName: name, Origin: origin } = ctx.query;
		// PhoneNumber is a partial match where "*" stands for one digit.
		if (phone) {
			const pattern = new RegExp(phone.replace(/[^\d*+]/g, '').replace(/\+/g, '\\+').replace(/\*/g, '\\d'));
			numbers = numbers.filter((n) => pattern.test(n.phone_number));
		}
		if (name) numbers = numbers.filter((n) => n.friendly_name === name);
		if (origin) numbers = numbers.filter((n) => n.origin === origin);
		return page(ctx, state, `${base}/IncomingPhoneNumbers.json`, 'incoming_phone_numbers', numbers.map((n) => view(state, n)));
	}
	const numberMatch = /^\/IncomingPhoneNumbers\/([^/]+)\.json$/.exec(rest);
	if (numberMatch) {
		const id = decodeURIComponent(numberMatch[1]);
		const number = state.numbers.find((n) => n.sid === id);
		if (!number) return error(404, 20404, `The requested resource ${ctx.path} was not found`);
		if (ctx.method === 'GET') return json(200, view(state, number));
		if (ctx.method === 'POST') return update(ctx, state, number);
		return error(405, 20004, 'Method not allowed');
	}
	if (rest === '/Applications.json' && ctx.method === 'GET') {
		const apps = ctx.query.FriendlyName ? state.applications.filter((a) => a.friendly_name === ctx.query.FriendlyName) : state.applications;
		return page(ctx, state, `${base}/Applications.json`, 'applications', apps);
	}
	if (rest === '/Addresses.json' && ctx.method === 'GET') return page(ctx, state, `${base}/Addresses.json`, 'addresses', state.addresses);
	return error(404, 20404, 'The requested resource was not found');
}

function update(ctx: Ctx, state: TwilioState, number: TwilioNumber): Reply {
	if (!(ctx.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
		return error(400, 20001, 'Twilio takes application/x-www-form-urlencoded parameters');
	}
	const input = Object.fromEntries(new URLSearchParams(ctx.rawBody));
	for (const [key, value] of Object.entries(input)) {
		if (!UPDATE_FIELDS.has(key)) return error(400, 20001, `Unknown parameter ${key}`);
		if (URL_FIELDS.includes(key) && value !== '' && !/^https?:\/\/[^\s/]+/i.test(value)) return error(400, 21402, `${key} is not valid`);
		if (METHOD_FIELDS.includes(key) && !['GET', 'POST'].includes(value.toUpperCase())) return error(400, 21403, `${key} must be GET or POST`);
		if (SID_FIELDS[key] && value !== '' && !SID(SID_FIELDS[key]).test(value)) return error(400, 20001, `${key} is not a valid ${SID_FIELDS[key]} SID`);
		if (key === 'FriendlyName' && value.length > 64) return error(400, 20001, 'FriendlyName must be 64 characters or fewer');
		if (key === 'VoiceReceiveMode' && !['voice', 'fax'].includes(value)) return error(400, 20001, 'VoiceReceiveMode must be voice or fax');
		if (key === 'EmergencyStatus' && !['Active', 'Inactive'].includes(value)) return error(400, 20001, 'EmergencyStatus must be Active or Inactive');
		if (key === 'VoiceCallerIdLookup' && !['true', 'false'].includes(value)) return error(400, 20001, 'VoiceCallerIdLookup must be true or false');
		if (key === 'ApiVersion' && !['2010-04-01', '2008-08-01'].includes(value)) return error(400, 20001, 'ApiVersion must be 2010-04-01 or 2008-08-01');
		if (key === 'AccountSid' && value !== state.accountSid) return error(400, 21473, 'AccountSid must be a subaccount or parent of this account');
	}
	if (input.VoiceApplicationSid && !state.applications.some((a) => a.sid === input.VoiceApplicationSid)) return error(400, 21411, 'VoiceApplicationSid not found');
	if (input.TrunkSid && !state.trunks.some((t) => t.sid === input.TrunkSid)) return error(400, 21412, 'TrunkSid not found');
	for (const [key, value] of Object.entries(input)) {
		const field = snake(key);
		number[field] = key === 'VoiceCallerIdLookup' ? value === 'true' : value;
	}
	// Setting one of VoiceApplicationSid / TrunkSid clears the other.
	if (input.VoiceApplicationSid) number.trunk_sid = null;
	if (input.TrunkSid) number.voice_application_sid = '';
	number.date_updated = new Date().toUTCString().replace('GMT', '+0000');
	return json(200, view(state, number));
}
